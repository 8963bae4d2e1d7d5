-- Partial refunds: what has been refunded per order and per item, and each refund's plan.

-- CreateEnum
CREATE TYPE "RefundKind" AS ENUM ('cancellation', 'return', 'claim', 'dispute', 'fraud', 'late_payment', 'admin');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "refunded_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "refunded_shipping_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "refunded_fee_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "order_items" ADD COLUMN "refunded_quantity" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "kind" "RefundKind" NOT NULL DEFAULT 'admin';

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "shipping_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "commission_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "lines" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "after_release" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "restock" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "stripe_reversal_id" VARCHAR(100);

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN "applied_at" TIMESTAMP(3);

-- Orders refunded whole before partial refunds existed: everything was refunded.
UPDATE "orders" SET "refunded_cents" = "total_cents", "refunded_shipping_cents" = "shipping_cents", "refunded_fee_cents" = "platform_fee_cents"
 WHERE "status" = 'refunded' AND "escrow_status" = 'refunded';
UPDATE "order_items" i SET "refunded_quantity" = i."quantity" FROM "orders" o
 WHERE o."id" = i."order_id" AND o."status" = 'refunded' AND o."escrow_status" = 'refunded';
UPDATE "refunds" SET "kind" = 'late_payment' WHERE "idempotency_key" LIKE 'late-refund:%';
UPDATE "refunds" r SET "applied_at" = r."updated_at", "commission_cents" = o."platform_fee_cents", "shipping_cents" = o."shipping_cents"
  FROM "orders" o WHERE o."id" = r."order_id" AND r."kind" <> 'late_payment' AND o."status" = 'refunded';

-- Never refund more than was paid, per order and per item; a refund's parts stay within it.
ALTER TABLE "orders"
  ADD CONSTRAINT "orders_refunded_cents_check" CHECK ("refunded_cents" BETWEEN 0 AND "total_cents"),
  ADD CONSTRAINT "orders_refunded_shipping_cents_check" CHECK ("refunded_shipping_cents" BETWEEN 0 AND "shipping_cents" AND "refunded_shipping_cents" <= "refunded_cents"),
  ADD CONSTRAINT "orders_refunded_fee_cents_check" CHECK ("refunded_fee_cents" BETWEEN 0 AND "platform_fee_cents" AND "refunded_fee_cents" <= "refunded_cents" - "refunded_shipping_cents");
ALTER TABLE "order_items"
  ADD CONSTRAINT "order_items_refunded_quantity_check" CHECK ("refunded_quantity" BETWEEN 0 AND "quantity");
ALTER TABLE "refunds"
  ADD CONSTRAINT "refunds_parts_check" CHECK ("shipping_cents" >= 0 AND "commission_cents" >= 0 AND "shipping_cents" + "commission_cents" <= "amount_cents");
