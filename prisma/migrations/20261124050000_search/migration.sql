-- Search (issue 4): the documents the PostgreSQL engine queries, the vocabulary behind
-- "did you mean", per-query conversion counters, category price medians for ranking, and a
-- NOTIFY on outbox inserts so the indexer reacts within a second.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateTable
CREATE TABLE "product_search_documents" (
    "product_id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "category_id" INTEGER NOT NULL,
    "category_paths" TEXT[] NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "title_norm" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL,
    "attribute_pairs" TEXT[] NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rating_avg" DOUBLE PRECISION NOT NULL,
    "review_count" INTEGER NOT NULL,
    "seller_rating" DOUBLE PRECISION NOT NULL,
    "seller_fulfilment_hours" DOUBLE PRECISION,
    "in_stock" BOOLEAN NOT NULL,
    "fraud_score" INTEGER NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "indexed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_search_documents_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "search_terms" (
    "term" VARCHAR(100) NOT NULL,
    "doc_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "search_terms_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "search_query_stats" (
    "query" VARCHAR(200) NOT NULL,
    "product_id" UUID NOT NULL,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "purchases" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_query_stats_pkey" PRIMARY KEY ("query", "product_id")
);

-- CreateTable
CREATE TABLE "search_category_prices" (
    "category_id" INTEGER NOT NULL,
    "median_price_cents" INTEGER NOT NULL,
    "product_count" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_category_prices_pkey" PRIMARY KEY ("category_id")
);

-- CreateIndex
CREATE INDEX "product_search_documents_seller_id_idx" ON "product_search_documents"("seller_id");
-- Sort orders (price, newest, rating) with the id as tie-breaker, walked either way.
CREATE INDEX "product_search_documents_price_cents_product_id_idx" ON "product_search_documents"("price_cents", "product_id");
CREATE INDEX "product_search_documents_published_at_product_id_idx" ON "product_search_documents"("published_at", "product_id");
CREATE INDEX "product_search_documents_rating_avg_review_count_product_id_idx" ON "product_search_documents"("rating_avg", "review_count", "product_id");

-- Full-text, trigram and array indexes (not declared in schema.prisma).
CREATE INDEX "product_search_documents_document_idx" ON "product_search_documents" USING GIN ("document");
CREATE INDEX "product_search_documents_title_trgm_idx" ON "product_search_documents" USING GIN ("title_norm" gin_trgm_ops);
CREATE INDEX "search_terms_term_trgm_idx" ON "search_terms" USING GIN ("term" gin_trgm_ops);

ALTER TABLE "search_query_stats"
  ADD CONSTRAINT "search_query_stats_counts_check" CHECK ("impressions" >= 0 AND "clicks" >= 0 AND "purchases" >= 0);

-- Everything a search document is made of, one row per product, with whether the listing
-- is sellable (active, its shop active, the shop's owner in good standing). The indexer,
-- the reindex and the Meilisearch documents all read this one definition.
CREATE VIEW "product_search_source" AS
SELECT
    p."id" AS "product_id",
    p."seller_id",
    p."category_id",
    c."path" AS "category_path",
    cp."paths" AS "category_paths",
    coalesce(cn."names", '') AS "category_names",
    p."title",
    p."description",
    coalesce(pa."pairs", '{}') AS "attribute_pairs",
    coalesce(pa."values", '') AS "attribute_text",
    s."shop_name",
    p."price_cents",
    p."currency",
    p."rating_avg",
    p."review_count",
    s."rating_avg" AS "seller_rating",
    s."avg_fulfilment_hours" AS "seller_fulfilment_hours",
    p."inventory_count" > 0 AS "in_stock",
    p."fraud_score",
    coalesce(p."published_at", p."created_at") AS "published_at",
    (p."status" = 'active' AND s."status" = 'active' AND u."status" = 'active') AS "sellable"
FROM "products" p
JOIN "seller_profiles" s ON s."id" = p."seller_id"
JOIN "users" u ON u."id" = s."user_id"
JOIN "categories" c ON c."id" = p."category_id"
CROSS JOIN LATERAL (
    SELECT ARRAY(
        SELECT array_to_string((string_to_array(c."path", '/'))[1:n], '/')
        FROM generate_series(1, cardinality(string_to_array(c."path", '/'))) AS n
        ORDER BY n
    ) AS "paths"
) cp
LEFT JOIN LATERAL (
    SELECT string_agg(a."name", ' ' ORDER BY a."depth") AS "names" FROM "categories" a WHERE a."path" = ANY (cp."paths")
) cn ON true
LEFT JOIN LATERAL (
    SELECT array_agg(x."attribute_key" || ':' || x."attribute_value" ORDER BY x."attribute_key") AS "pairs",
           string_agg(x."attribute_value", ' ') AS "values"
    FROM "product_attributes" x WHERE x."product_id" = p."id"
) pa ON true;

-- Title outranks category and attributes, which outrank description and shop name. The
-- vector also carries one filter token per category on the listing's path, per attribute
-- pair and for "in stock" ("_c"/"_a" + 16 hex digits of md5, "_instock"), so a search and its
-- filters are answered by one GIN scan that intersects posting lists, instead of ANDing
-- bitmaps of broad GIN scans (a category holds a third of the catalogue). lib/search/
-- filter-tokens.ts computes the same tokens for queries.
CREATE FUNCTION "search_filter_tokens"(category_paths text[], attribute_pairs text[], in_stock boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(SELECT '_c' || left(md5(p), 16) FROM unnest(category_paths) AS p)
      || ARRAY(SELECT '_a' || left(md5(a), 16) FROM unnest(attribute_pairs) AS a)
      || CASE WHEN in_stock THEN ARRAY['_instock'] ELSE ARRAY[]::text[] END
$$;

CREATE FUNCTION "search_document_vector"(title text, category_names text, attribute_text text, description text, shop_name text,
                                         category_paths text[], attribute_pairs text[], in_stock boolean)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', unaccent(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('english', unaccent(coalesce(category_names, '') || ' ' || coalesce(attribute_text, ''))), 'B')
      || setweight(to_tsvector('english', unaccent(left(coalesce(description, ''), 4000))), 'C')
      || setweight(to_tsvector('english', unaccent(coalesce(shop_name, ''))), 'D')
      || array_to_tsvector("search_filter_tokens"(category_paths, attribute_pairs, in_stock))
$$;

-- Brings the documents of these products up to date: sellable ones upserted, the rest
-- removed; new title words join the "did you mean" vocabulary. Returns rows touched.
-- (Data-modifying CTEs always run to completion, read or not.)
CREATE FUNCTION "refresh_product_search_documents"(ids uuid[]) RETURNS integer LANGUAGE sql AS $$
  WITH src AS (
    SELECT * FROM "product_search_source" WHERE "product_id" = ANY (ids)
  ), removed AS (
    DELETE FROM "product_search_documents" d
     WHERE d."product_id" = ANY (ids)
       AND NOT EXISTS (SELECT 1 FROM src WHERE src."product_id" = d."product_id" AND src."sellable")
    RETURNING 1
  ), upserted AS (
    INSERT INTO "product_search_documents" AS d (
      "product_id", "seller_id", "category_id", "category_paths", "title", "title_norm", "document",
      "attribute_pairs", "price_cents", "currency", "rating_avg", "review_count", "seller_rating",
      "seller_fulfilment_hours", "in_stock", "fraud_score", "published_at", "indexed_at")
    SELECT src."product_id", src."seller_id", src."category_id", src."category_paths", src."title",
           lower(unaccent(src."title")),
           "search_document_vector"(src."title", src."category_names", src."attribute_text", src."description", src."shop_name",
                                    src."category_paths", src."attribute_pairs", src."in_stock"),
           src."attribute_pairs", src."price_cents", src."currency", src."rating_avg", src."review_count",
           src."seller_rating", src."seller_fulfilment_hours", src."in_stock", src."fraud_score", src."published_at",
           CURRENT_TIMESTAMP
      FROM src WHERE src."sellable"
    ON CONFLICT ("product_id") DO UPDATE SET
      "seller_id" = EXCLUDED."seller_id", "category_id" = EXCLUDED."category_id",
      "category_paths" = EXCLUDED."category_paths", "title" = EXCLUDED."title",
      "title_norm" = EXCLUDED."title_norm", "document" = EXCLUDED."document",
      "attribute_pairs" = EXCLUDED."attribute_pairs", "price_cents" = EXCLUDED."price_cents",
      "currency" = EXCLUDED."currency", "rating_avg" = EXCLUDED."rating_avg",
      "review_count" = EXCLUDED."review_count", "seller_rating" = EXCLUDED."seller_rating",
      "seller_fulfilment_hours" = EXCLUDED."seller_fulfilment_hours", "in_stock" = EXCLUDED."in_stock",
      "fraud_score" = EXCLUDED."fraud_score", "published_at" = EXCLUDED."published_at",
      "indexed_at" = EXCLUDED."indexed_at"
    RETURNING 1
  ), terms AS (
    INSERT INTO "search_terms" ("term", "doc_count")
    SELECT w, count(*)::int
      FROM src, regexp_split_to_table(lower(unaccent(src."title" || ' ' || src."category_names")), '[^[:alnum:]]+') AS w
     WHERE src."sellable" AND char_length(w) BETWEEN 3 AND 40
     GROUP BY w
    ON CONFLICT ("term") DO NOTHING
  )
  SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed))::int
$$;

-- Recounts the vocabulary from live listings (after a reindex, and hourly; the indexer only
-- adds words). Reads products, not the documents, so it serves the Meilisearch engine too.
CREATE FUNCTION "rebuild_search_terms"() RETURNS integer LANGUAGE sql AS $$
  WITH counted AS (
    SELECT w AS "term", count(DISTINCT p."id")::int AS "doc_count"
      FROM "products" p
      JOIN "categories" c ON c."id" = p."category_id",
           regexp_split_to_table(lower(unaccent(p."title" || ' ' || c."name")), '[^[:alnum:]]+') AS w
     WHERE p."status" = 'active' AND char_length(w) BETWEEN 3 AND 40
     GROUP BY w
  ), gone AS (
    DELETE FROM "search_terms" t WHERE NOT EXISTS (SELECT 1 FROM counted WHERE counted."term" = t."term")
  ), upserted AS (
    INSERT INTO "search_terms" ("term", "doc_count") SELECT "term", "doc_count" FROM counted
    ON CONFLICT ("term") DO UPDATE SET "doc_count" = EXCLUDED."doc_count"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM upserted)::int
$$;

-- Median price of live listings per category, the reference for "price competitiveness".
CREATE FUNCTION "refresh_search_category_prices"() RETURNS integer LANGUAGE sql AS $$
  WITH medians AS (
    SELECT "category_id", percentile_disc(0.5) WITHIN GROUP (ORDER BY "price_cents") AS "median_price_cents", count(*)::int AS "product_count"
      FROM "products" WHERE "status" = 'active' GROUP BY "category_id"
  ), gone AS (
    DELETE FROM "search_category_prices" p WHERE NOT EXISTS (SELECT 1 FROM medians m WHERE m."category_id" = p."category_id")
  ), upserted AS (
    INSERT INTO "search_category_prices" ("category_id", "median_price_cents", "product_count", "updated_at")
    SELECT "category_id", "median_price_cents", "product_count", CURRENT_TIMESTAMP FROM medians
    ON CONFLICT ("category_id") DO UPDATE SET "median_price_cents" = EXCLUDED."median_price_cents",
      "product_count" = EXCLUDED."product_count", "updated_at" = EXCLUDED."updated_at"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM upserted)::int
$$;

-- Wakes the search indexer (LISTEN outbox_events) when a transaction that wrote outbox
-- rows commits; notifications from one transaction are delivered once, at commit.
CREATE FUNCTION "outbox_events_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_events', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER "outbox_events_notify"
  AFTER INSERT ON "outbox_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "outbox_events_notify"();

-- Backfill the products that exist already, in batches.
DO $$
DECLARE
  batch uuid[];
  last_id uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  LOOP
    SELECT array_agg("id" ORDER BY "id") INTO batch
      FROM (SELECT "id" FROM "products" WHERE "id" > last_id ORDER BY "id" LIMIT 5000) b;
    EXIT WHEN batch IS NULL;
    PERFORM "refresh_product_search_documents"(batch);
    last_id := batch[cardinality(batch)];
  END LOOP;
  PERFORM "rebuild_search_terms"();
  PERFORM "refresh_search_category_prices"();
END;
$$;
