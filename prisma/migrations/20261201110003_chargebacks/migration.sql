-- CreateEnum
CREATE TYPE "ChargebackStatus" AS ENUM ('open', 'won', 'lost');

-- CreateEnum
CREATE TYPE "ChargebackStage" AS ENUM ('held', 'released');

-- CreateTable
CREATE TABLE "chargebacks" (
    "id" UUID NOT NULL,
    "stripe_dispute_id" VARCHAR(100) NOT NULL,
    "charge_id" VARCHAR(100) NOT NULL,
    "order_id" UUID NOT NULL,
    "stage" "ChargebackStage" NOT NULL,
    "status" "ChargebackStatus" NOT NULL DEFAULT 'open',
    "reason" VARCHAR(100) NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "seller_share_cents" INTEGER NOT NULL DEFAULT 0,
    "commission_cents" INTEGER NOT NULL DEFAULT 0,
    "fee_cents" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "chargebacks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "chargebacks_stripe_dispute_id_order_id_key" ON "chargebacks"("stripe_dispute_id", "order_id");

-- CreateIndex
CREATE INDEX "chargebacks_status_created_at_idx" ON "chargebacks"("status", "created_at");

-- CreateIndex
CREATE INDEX "chargebacks_order_id_idx" ON "chargebacks"("order_id");

-- AddForeignKey
ALTER TABLE "chargebacks" ADD CONSTRAINT "chargebacks_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Amounts are positive and the seller's and the platform's parts never exceed the whole.
ALTER TABLE "chargebacks" ADD CONSTRAINT "chargebacks_amounts_check"
  CHECK ("amount_cents" >= 0 AND "seller_share_cents" >= 0 AND "commission_cents" >= 0 AND "fee_cents" >= 0
         AND "seller_share_cents" + "commission_cents" <= "amount_cents");
-- Closed exactly when won or lost.
ALTER TABLE "chargebacks" ADD CONSTRAINT "chargebacks_closed_check" CHECK (("status" = 'open') = ("closed_at" IS NULL));
