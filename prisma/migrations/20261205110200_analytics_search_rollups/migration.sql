-- Search impressions and clicks rolled up per seller, query and day/month, and every query's
-- impressions per day/month (the seller's share of them), so the seller analytics page reads
-- no raw search events but the tail not yet rolled up (issue #20, scale; docs/BENCHMARKS.md).

-- The inserting transaction, as analytics_events.xact_id: the rollup job folds search events
-- under the same watermark. Added without a default first so existing rows are not rewritten;
-- they keep NULL and are rolled up below, in this transaction (the ALTER holds the table's lock,
-- so every row inserted after it commits carries an id at or above the watermark). Hand-written
-- (xid8) like analytics_events.xact_id.
ALTER TABLE "search_events" ADD COLUMN "xact_id" xid8;
ALTER TABLE "search_events" ALTER COLUMN "xact_id" SET DEFAULT pg_current_xact_id();
CREATE INDEX "search_events_xact_id_idx" ON "search_events"("xact_id");

CREATE TABLE "analytics_search_rollups" (
    "seller_id" UUID NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "query" VARCHAR(200) NOT NULL,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "positioned" INTEGER NOT NULL DEFAULT 0,
    "position_sum" BIGINT NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_search_rollups_pkey" PRIMARY KEY ("seller_id", "grain", "bucket", "query")
);

CREATE TABLE "analytics_query_rollups" (
    "query" VARCHAR(200) NOT NULL,
    "grain" "AnalyticsGrain" NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "impressions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_query_rollups_pkey" PRIMARY KEY ("query", "grain", "bucket")
);

INSERT INTO "analytics_search_rollups" ("seller_id", "grain", "bucket", "query", "impressions", "positioned", "position_sum", "clicks")
SELECT p."seller_id", g.grain::"AnalyticsGrain", date_trunc(g.grain, e."created_at"), e."query",
       count(*) FILTER (WHERE e."kind" = 'impression'), count(e."position") FILTER (WHERE e."kind" = 'impression'),
       coalesce(sum(e."position") FILTER (WHERE e."kind" = 'impression'), 0), count(*) FILTER (WHERE e."kind" = 'click')
  FROM "search_events" e JOIN "products" p ON p."id" = e."product_id"
 CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
 WHERE e."xact_id" IS NULL AND e."kind" IN ('impression', 'click') AND e."query" <> ''
 GROUP BY 1, 2, 3, 4;

INSERT INTO "analytics_query_rollups" ("query", "grain", "bucket", "impressions")
SELECT e."query", g.grain::"AnalyticsGrain", date_trunc(g.grain, e."created_at"), count(*)
  FROM "search_events" e CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
 WHERE e."xact_id" IS NULL AND e."kind" = 'impression'
 GROUP BY 1, 2, 3;
