-- Browsing a category with no words (newest first, often with a price filter) walked the
-- whole catalogue's published_at index backwards, discarding every other category's rows
-- (~1M at 1M listings when the filter is narrow). These let the planner walk only the
-- category's own rows in date order: category_paths[n] is the listing's path at level n
-- (the search engine queries exactly these expressions for paths of one and two levels).
CREATE INDEX IF NOT EXISTS "product_search_documents_category1_published_idx"
    ON "product_search_documents" (("category_paths"[1]), "published_at", "product_id");
CREATE INDEX IF NOT EXISTS "product_search_documents_category2_published_idx"
    ON "product_search_documents" (("category_paths"[2]), "published_at", "product_id");

-- The trigram fallback's threshold as the database's default (0.6 misses two-letter swaps
-- such as "headphnoes"), so a fuzzy search is one statement instead of a transaction that
-- sets it first. New connections pick it up; the engine checks it once per process.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET pg_trgm.word_similarity_threshold = 0.45', current_database());
END
$$;
