-- The storefront's lists of live listings (the home page's newest and featured, a category's
-- pages in each sort order) filtered status = 'active' and sorted with no index in that
-- order: each read every listing of the catalogue or the category and sorted them (0.4-0.8 s
-- at 1M listings, 2.7-8.4 s at 10M). These partial indexes hold only live listings, in the
-- orders the pages ask for (lib/catalog/list-storefront-home.ts, browse-products.ts), so a
-- page is a walk of an index that stops after the page. A category's pages read one of the
-- per-category indexes for each category of the subtree and merge them.
-- Partial indexes are hand-written (schema.prisma cannot declare them; the schema-drift check
-- leaves them alone). Migrations run in a transaction, so these are built without
-- CONCURRENTLY: writes to products wait for the build (a few seconds per index at 1M).
CREATE INDEX "products_live_newest_idx" ON "products" ("published_at" DESC, "id") WHERE "status" = 'active';
CREATE INDEX "products_live_featured_idx" ON "products" ("published_at" DESC, "id") WHERE "status" = 'active' AND "featured";
CREATE INDEX "products_live_category_newest_idx" ON "products" ("category_id", "published_at" DESC, "id") WHERE "status" = 'active';
CREATE INDEX "products_live_category_price_idx" ON "products" ("category_id", "price_cents", "id") WHERE "status" = 'active';
CREATE INDEX "products_live_category_rating_idx" ON "products" ("category_id", "rating_avg" DESC, "review_count" DESC, "id") WHERE "status" = 'active';
