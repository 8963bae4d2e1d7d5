-- Month rows of the rollups, from the day rows already there (a month is the sum of its UTC
-- days, exactly what the worker's fold writes from now on), and the indexes the seller
-- analytics page reads them by (docs/BENCHMARKS.md, "Seller analytics").
INSERT INTO "analytics_seller_rollups" ("seller_id", "grain", "bucket", "views", "add_to_carts", "checkouts", "paid_orders", "refunds")
SELECT "seller_id", 'month', date_trunc('month', "bucket"), sum("views"), sum("add_to_carts"), sum("checkouts"), sum("paid_orders"), sum("refunds")
  FROM "analytics_seller_rollups" WHERE "grain" = 'day' GROUP BY 1, 3
ON CONFLICT DO NOTHING;

INSERT INTO "analytics_revenue_rollups" ("seller_id", "grain", "bucket", "currency", "orders", "revenue_cents")
SELECT "seller_id", 'month', date_trunc('month', "bucket"), "currency", sum("orders"), sum("revenue_cents")
  FROM "analytics_revenue_rollups" WHERE "grain" = 'day' GROUP BY 1, 3, 4
ON CONFLICT DO NOTHING;

INSERT INTO "analytics_product_rollups" ("seller_id", "grain", "bucket", "product_id", "currency", "views", "add_to_carts", "units_sold", "revenue_cents")
SELECT "seller_id", 'month', date_trunc('month', "bucket"), "product_id", "currency", sum("views"), sum("add_to_carts"), sum("units_sold"), sum("revenue_cents")
  FROM "analytics_product_rollups" WHERE "grain" = 'day' GROUP BY 1, 3, 4, 5
ON CONFLICT DO NOTHING;

-- The rows that sold, per seller and bucket, with what ranking them needs (index-only): the top
-- products and the inventory forecast read these instead of every viewed listing's row (a shop
-- with 10,000 listings has ~4,400 day rows a day, ~500 of them with sales). Hand-written: partial.
CREATE INDEX "analytics_product_rollups_sold_idx" ON "analytics_product_rollups"("seller_id", "grain", "bucket")
  INCLUDE ("product_id", "currency", "units_sold", "revenue_cents") WHERE "units_sold" > 0;

-- One listing's rows over a range (views and carts of the few top products kept).
CREATE INDEX "analytics_product_rollups_product_id_grain_bucket_idx" ON "analytics_product_rollups"("product_id", "grain", "bucket");
