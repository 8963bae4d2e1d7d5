-- Returns: a buyer's request to send back some items of a delivered order, the seller's or an
-- admin's decision, the carrier's label and tracking, and the partial refund. The moves between
-- statuses are the table in lib/returns/return-status.ts; the CHECKs below keep each status's facts.

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('requested', 'declined', 'escalated', 'rejected', 'cancelled', 'accepted', 'in_transit', 'delivered', 'received', 'refunded');

-- CreateEnum
CREATE TYPE "ReturnReason" AS ENUM ('changed_mind', 'doesnt_fit', 'not_as_described', 'damaged', 'wrong_item');

-- CreateEnum
CREATE TYPE "ReturnRefundTrigger" AS ENUM ('seller_receipt', 'carrier_delivered');

-- CreateTable
CREATE TABLE "returns" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'requested',
    "reason" "ReturnReason" NOT NULL,
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "decline_reason" VARCHAR(1000),
    "escalation_note" VARCHAR(1000),
    "admin_note" VARCHAR(1000),
    "return_address" JSONB,
    "carrier" VARCHAR(50),
    "tracking_number" VARCHAR(100),
    "label_created_at" TIMESTAMP(3),
    "carrier_delivered_at" TIMESTAMP(3),
    "tracking_checked_at" TIMESTAMP(3),
    "received_at" TIMESTAMP(3),
    "refund_trigger" "ReturnRefundTrigger",
    "refund_restock" BOOLEAN,
    "shipping_refund_cents" INTEGER,
    "refund_id" UUID,
    "refunded_cents" INTEGER,
    "refunded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "returns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_items" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "order_item_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "return_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_images" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "upload_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "return_images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_status_changes" (
    "id" UUID NOT NULL,
    "return_id" UUID NOT NULL,
    "from_status" "ReturnStatus",
    "to_status" "ReturnStatus" NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" UUID,
    "note" VARCHAR(1000),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "returns_tracking_number_key" ON "returns"("tracking_number");

-- CreateIndex
CREATE INDEX "returns_order_id_idx" ON "returns"("order_id");

-- CreateIndex
CREATE INDEX "returns_status_created_at_idx" ON "returns"("status", "created_at");

-- CreateIndex
CREATE INDEX "returns_status_carrier_delivered_at_idx" ON "returns"("status", "carrier_delivered_at");

-- AddForeignKey
ALTER TABLE "returns" ADD CONSTRAINT "returns_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "return_items_return_id_order_item_id_key" ON "return_items"("return_id", "order_item_id");

-- CreateIndex
CREATE INDEX "return_items_order_item_id_idx" ON "return_items"("order_item_id");

-- AddForeignKey
ALTER TABLE "return_items" ADD CONSTRAINT "return_items_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_items" ADD CONSTRAINT "return_items_order_item_id_fkey" FOREIGN KEY ("order_item_id") REFERENCES "order_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "return_images_upload_id_key" ON "return_images"("upload_id");

-- CreateIndex
CREATE INDEX "return_images_return_id_idx" ON "return_images"("return_id");

-- AddForeignKey
ALTER TABLE "return_images" ADD CONSTRAINT "return_images_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_images" ADD CONSTRAINT "return_images_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "return_status_changes_return_id_created_at_idx" ON "return_status_changes"("return_id", "created_at");

-- AddForeignKey
ALTER TABLE "return_status_changes" ADD CONSTRAINT "return_status_changes_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open return per order item at a time (closed when the return is refunded, rejected or cancelled).
CREATE UNIQUE INDEX "return_items_one_open_per_order_item" ON "return_items"("order_item_id") WHERE "open";

ALTER TABLE "return_items"
  ADD CONSTRAINT "return_items_quantity_check" CHECK ("quantity" > 0);

ALTER TABLE "return_images"
  ADD CONSTRAINT "return_images_position_check" CHECK ("position" >= 0);

ALTER TABLE "returns"
  ADD CONSTRAINT "returns_amounts_check" CHECK (("shipping_refund_cents" IS NULL OR "shipping_refund_cents" >= 0) AND ("refunded_cents" IS NULL OR "refunded_cents" > 0)),
  ADD CONSTRAINT "returns_decline_reason_check" CHECK ("status" NOT IN ('declined', 'escalated', 'rejected') OR "decline_reason" IS NOT NULL),
  ADD CONSTRAINT "returns_escalation_check" CHECK ("status" NOT IN ('escalated', 'rejected') OR "escalation_note" IS NOT NULL),
  ADD CONSTRAINT "returns_rejected_note_check" CHECK ("status" <> 'rejected' OR "admin_note" IS NOT NULL),
  ADD CONSTRAINT "returns_tracking_check" CHECK ("status" NOT IN ('in_transit', 'delivered') OR "tracking_number" IS NOT NULL),
  ADD CONSTRAINT "returns_received_check" CHECK ("status" <> 'received' OR "received_at" IS NOT NULL),
  ADD CONSTRAINT "returns_refund_claim_check" CHECK (("refund_trigger" IS NULL) = ("refund_restock" IS NULL) AND ("refund_trigger" IS NULL OR "shipping_refund_cents" IS NOT NULL)),
  ADD CONSTRAINT "returns_refunded_check" CHECK ("status" <> 'refunded' OR ("refunded_at" IS NOT NULL AND "refunded_cents" IS NOT NULL AND "refund_trigger" IS NOT NULL));
