-- "Top rated" sorted by rating_avg, so one 5-star review beat two hundred 4.8s. It now sorts by
-- a Bayesian average: ten imaginary reviews at 3.5 blended with the listing's own
-- (lib/catalog/rating-score.ts documents the choice; its constants must match these).
-- An IMMUTABLE SQL function, so the indexes below can hold it and the sorts walk them.
CREATE FUNCTION "listing_rating_score"(avg double precision, n integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (n * avg + 10 * 3.5) / (n + 10) $$;

-- A category's "Top rated" pages (lib/catalog/browse-products.ts): hand-written like the other
-- live-listing indexes of 20261203120000_live_listing_indexes.
DROP INDEX "products_live_category_rating_idx";
CREATE INDEX "products_live_category_rating_idx" ON "products"
  ("category_id", "listing_rating_score"("rating_avg", "review_count") DESC, "review_count" DESC, "id")
  WHERE "status" = 'active';

-- Search's "Top rated" over the whole catalogue (lib/search/engines/postgres-engine.ts).
CREATE INDEX "product_search_documents_rating_score_idx" ON "product_search_documents"
  ("listing_rating_score"("rating_avg", "review_count") DESC, "review_count" DESC, "product_id" DESC);
