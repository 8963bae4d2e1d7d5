-- A paid order cancelled before shipping: who cancelled it and why (it is refunded in full).

-- CreateEnum
CREATE TYPE "CancellationReason" AS ENUM ('buyer_request', 'out_of_stock', 'cannot_ship', 'other');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "cancelled_by" "ActorType";

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "cancellation_reason" "CancellationReason";

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "cancellation_note" VARCHAR(500);

-- CreateIndex
CREATE INDEX "orders_seller_id_cancelled_by_idx" ON "orders"("seller_id", "cancelled_by");

-- Who and why come together.
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_cancellation_check" CHECK (("cancelled_by" IS NULL) = ("cancellation_reason" IS NULL));
