-- Exchange rates per euro (issue #16, currencies slice).
CREATE TABLE "exchange_rates" (
    "currency" CHAR(3) NOT NULL,
    "per_eur" DECIMAL(18,8) NOT NULL,
    "as_of" DATE NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by" UUID,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("currency"),
    CONSTRAINT "exchange_rates_positive" CHECK ("per_eur" > 0),
    CONSTRAINT "exchange_rates_euro_is_one" CHECK ("currency" <> 'EUR' OR "per_eur" = 1),
    CONSTRAINT "exchange_rates_source" CHECK ("source" IN ('ecb', 'admin'))
);

-- A starting table so conversions work before any feed is configured: approximate rates for
-- the currencies listings can be priced in, recorded as admin-set. The admin page shows each
-- row's source and date, so nobody takes them for today's reference rates; an admin edits
-- them, or FX_RATES_URL makes the worker replace them with the feed's.
INSERT INTO "exchange_rates" ("currency", "per_eur", "as_of", "source", "updated_at") VALUES
    ('EUR', 1, '2026-12-02', 'admin', CURRENT_TIMESTAMP),
    ('USD', 1.0512, '2026-12-02', 'admin', CURRENT_TIMESTAMP),
    ('GBP', 0.8297, '2026-12-02', 'admin', CURRENT_TIMESTAMP),
    ('CAD', 1.4731, '2026-12-02', 'admin', CURRENT_TIMESTAMP),
    ('AUD', 1.6208, '2026-12-02', 'admin', CURRENT_TIMESTAMP);
