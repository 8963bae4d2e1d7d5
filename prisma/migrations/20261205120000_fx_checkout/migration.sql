-- Checkout in the buyer's currency (issue #16): the checkout keeps the rates it locked, each
-- order its amounts in the buyer's currency beside the shop's, each refund what it returned in
-- the buyer's currency; the ledger books the conversion through FX accounts.
ALTER TYPE "LedgerEntryType" ADD VALUE 'fx';
ALTER TYPE "LedgerEntryType" ADD VALUE 'fx_difference';

ALTER TABLE "checkouts" ADD COLUMN "fx_rates" JSONB;

ALTER TABLE "orders" ADD COLUMN "charge_currency" CHAR(3),
ADD COLUMN "fx_rate" VARCHAR(32),
ADD COLUMN "charge_subtotal_cents" INTEGER,
ADD COLUMN "charge_shipping_cents" INTEGER,
ADD COLUMN "charge_tax_cents" INTEGER,
ADD COLUMN "charge_total_cents" INTEGER,
ADD COLUMN "charge_platform_fee_cents" INTEGER,
ADD COLUMN "fx_difference_cents" INTEGER,
ADD COLUMN "charge_refunded_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "charge_refunded_tax_cents" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "refunds" ADD COLUMN "charge_amount_cents" INTEGER,
ADD COLUMN "charge_tax_cents" INTEGER;

-- Hand-written: a refund never returns more of the buyer's currency than they paid.
ALTER TABLE "orders" ADD CONSTRAINT "orders_charge_refunded_within_total"
  CHECK ("charge_refunded_cents" >= 0 AND ("charge_total_cents" IS NULL OR "charge_refunded_cents" <= "charge_total_cents"));
