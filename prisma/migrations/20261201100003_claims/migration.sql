-- Buyer protection claims after delivery (or a parcel that never arrived), decided by an admin.

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('not_as_described', 'damaged', 'never_arrived');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('open', 'refunded', 'rejected');

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "buyer_id" UUID NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "requested_cents" INTEGER,
    "lines" JSONB NOT NULL DEFAULT '[]',
    "status" "ClaimStatus" NOT NULL DEFAULT 'open',
    "decided_by_id" UUID,
    "decision_note" VARCHAR(1000),
    "refund_id" UUID,
    "refunded_cents" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),
    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "claims_refund_id_key" ON "claims"("refund_id");

-- CreateIndex
CREATE INDEX "claims_order_id_idx" ON "claims"("order_id");

-- CreateIndex
CREATE INDEX "claims_status_created_at_idx" ON "claims"("status", "created_at");

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refunds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One open claim per order; a decided claim says how (a refund names its amount, a rejection its note).
CREATE UNIQUE INDEX "claims_one_open_per_order" ON "claims"("order_id") WHERE "status" = 'open';
ALTER TABLE "claims"
  ADD CONSTRAINT "claims_description_check" CHECK (char_length(btrim("description")) >= 10),
  ADD CONSTRAINT "claims_requested_cents_check" CHECK ("requested_cents" IS NULL OR "requested_cents" > 0),
  ADD CONSTRAINT "claims_decision_check" CHECK (
    ("status" = 'open' AND "decided_at" IS NULL AND "refunded_cents" IS NULL)
    OR ("status" = 'refunded' AND "decided_at" IS NOT NULL AND "refunded_cents" > 0 AND "refund_id" IS NOT NULL)
    OR ("status" = 'rejected' AND "decided_at" IS NOT NULL AND "decision_note" IS NOT NULL AND "refunded_cents" IS NULL));
