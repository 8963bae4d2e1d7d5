-- Analytics events and their hourly/daily rollups (issue #20, first slice).
CREATE TYPE "AnalyticsEventKind" AS ENUM ('product_view', 'add_to_cart', 'checkout_started', 'order_paid', 'refund');

CREATE TYPE "AnalyticsGrain" AS ENUM ('hour', 'day');

CREATE TABLE "analytics_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" "AnalyticsEventKind" NOT NULL,
    "seller_id" UUID NOT NULL,
    "product_id" UUID,
    "order_id" UUID,
    "user_id" UUID,
    "visitor_key" VARCHAR(64),
    "dedupe_key" VARCHAR(120),
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "xact_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),

    CONSTRAINT "analytics_events_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "analytics_events_dedupe_key_key" ON "analytics_events"("dedupe_key");
CREATE INDEX "analytics_events_xact_id_idx" ON "analytics_events"("xact_id");
CREATE INDEX "analytics_events_seller_id_occurred_at_idx" ON "analytics_events"("seller_id", "occurred_at");

CREATE TABLE "analytics_rollup_state" (
    "id" INTEGER NOT NULL,
    "xact_watermark" xid8 NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_rollup_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "analytics_rollup_state_one_row" CHECK ("id" = 1)
);

INSERT INTO "analytics_rollup_state" ("id", "xact_watermark") VALUES (1, '0'::xid8);

CREATE TABLE "analytics_seller_rollups" (
    "seller_id" UUID NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "add_to_carts" INTEGER NOT NULL DEFAULT 0,
    "checkouts" INTEGER NOT NULL DEFAULT 0,
    "paid_orders" INTEGER NOT NULL DEFAULT 0,
    "refunds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_seller_rollups_pkey" PRIMARY KEY ("seller_id", "grain", "bucket")
);

CREATE TABLE "analytics_revenue_rollups" (
    "seller_id" UUID NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "revenue_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_revenue_rollups_pkey" PRIMARY KEY ("seller_id", "grain", "bucket", "currency")
);

CREATE TABLE "analytics_product_rollups" (
    "seller_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "add_to_carts" INTEGER NOT NULL DEFAULT 0,
    "units_sold" INTEGER NOT NULL DEFAULT 0,
    "revenue_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_product_rollups_pkey" PRIMARY KEY ("seller_id", "grain", "bucket", "product_id", "currency")
);
