-- Taxes by the buyer's jurisdiction (issue #16, taxes slice): the built-in engine's rules, each
-- order line's and order's tax, the tax part of refunds, and the ledger's tax entries.
CREATE TABLE "tax_rules" (
    "id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" VARCHAR(10),
    "category" VARCHAR(100),
    "rate_bps" INTEGER NOT NULL,
    "inclusive" BOOLEAN NOT NULL,
    "label" VARCHAR(20) NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_rules_pkey" PRIMARY KEY ("id"),
    -- The admin form validates these too; the checks keep a bad row out whatever writes it.
    CONSTRAINT "tax_rules_rate_bps_check" CHECK ("rate_bps" BETWEEN 0 AND 10000),
    CONSTRAINT "tax_rules_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "tax_rules_valid_range_check" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from")
);
CREATE INDEX "tax_rules_country_region_idx" ON "tax_rules"("country", "region");

ALTER TABLE "order_items"
  ADD COLUMN "tax_rate_bps" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "tax_cents" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "tax_inclusive" BOOLEAN NOT NULL DEFAULT false,
  ADD CONSTRAINT "order_items_tax_check" CHECK ("tax_rate_bps" BETWEEN 0 AND 10000 AND "tax_cents" >= 0);

ALTER TABLE "orders"
  ADD COLUMN "tax_cents" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "shipping_tax_cents" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "tax_inclusive" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "tax_label" VARCHAR(20),
  ADD COLUMN "tax_jurisdiction" VARCHAR(10),
  ADD COLUMN "refunded_tax_cents" INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT "orders_tax_cents_check" CHECK ("tax_cents" BETWEEN 0 AND "total_cents" AND "shipping_tax_cents" BETWEEN 0 AND "tax_cents"),
  ADD CONSTRAINT "orders_refunded_tax_cents_check" CHECK ("refunded_tax_cents" BETWEEN 0 AND "tax_cents" AND "refunded_tax_cents" <= "refunded_cents");

-- Sales tax (exclusive) is part of the total; VAT (inclusive) is inside the subtotal and shipping.
ALTER TABLE "orders" DROP CONSTRAINT "orders_amounts_check",
  ADD CONSTRAINT "orders_amounts_check" CHECK ("subtotal_cents" > 0 AND "shipping_cents" >= 0
    AND "total_cents" = "subtotal_cents" + "shipping_cents" + CASE WHEN "tax_inclusive" THEN 0 ELSE "tax_cents" END);

ALTER TABLE "refunds" ADD COLUMN "tax_cents" INTEGER NOT NULL DEFAULT 0;

ALTER TYPE "LedgerEntryType" ADD VALUE 'tax';

-- Data: the rules in force from 2026-01-01. A starting point for the operator to check against
-- the authorities' published rates (the admin page edits them); nothing is taxed where no rule is.
-- EU member states' standard VAT, inclusive (prices to consumers contain it).
INSERT INTO "tax_rules" ("id", "country", "category", "rate_bps", "inclusive", "label", "valid_from")
SELECT gen_random_uuid(), c, NULL, r, true, 'VAT', DATE '2026-01-01'
  FROM (VALUES ('AT', 2000), ('BE', 2100), ('BG', 2000), ('HR', 2500), ('CY', 1900), ('CZ', 2100), ('DK', 2500),
               ('EE', 2400), ('FI', 2550), ('FR', 2000), ('DE', 1900), ('GR', 2400), ('HU', 2700), ('IE', 2300),
               ('IT', 2200), ('LV', 2100), ('LT', 2100), ('LU', 1700), ('MT', 1800), ('NL', 2100), ('PL', 2300),
               ('PT', 2300), ('RO', 2100), ('SK', 2300), ('SI', 2200), ('ES', 2100), ('SE', 2500)) AS v(c, r);
-- Reduced VAT on books (the catalogue's "books" category and everything under it).
INSERT INTO "tax_rules" ("id", "country", "category", "rate_bps", "inclusive", "label", "valid_from")
SELECT gen_random_uuid(), c, 'books', r, true, 'VAT', DATE '2026-01-01'
  FROM (VALUES ('AT', 1000), ('BE', 600), ('DE', 700), ('ES', 400), ('FR', 550), ('IE', 0), ('IT', 400),
               ('LU', 300), ('NL', 900), ('PL', 500), ('PT', 600), ('SE', 600)) AS v(c, r);
-- United Kingdom: VAT 20%, books zero-rated. Australia: GST 10% on everything.
INSERT INTO "tax_rules" ("id", "country", "category", "rate_bps", "inclusive", "label", "valid_from") VALUES
  (gen_random_uuid(), 'GB', NULL, 2000, true, 'VAT', DATE '2026-01-01'),
  (gen_random_uuid(), 'GB', 'books', 0, true, 'VAT', DATE '2026-01-01'),
  (gen_random_uuid(), 'AU', NULL, 1000, true, 'GST', DATE '2026-01-01');
-- US sales tax, exclusive, collected by the platform as marketplace facilitator: the state-level
-- rate only (no county or city rates) in a few states; an address without a state pays none.
INSERT INTO "tax_rules" ("id", "country", "region", "category", "rate_bps", "inclusive", "label", "valid_from")
SELECT gen_random_uuid(), 'US', s, NULL, r, false, 'Sales tax', DATE '2026-01-01'
  FROM (VALUES ('CA', 725), ('FL', 600), ('IL', 625), ('NY', 400), ('PA', 600), ('TX', 625), ('WA', 650)) AS v(s, r);
