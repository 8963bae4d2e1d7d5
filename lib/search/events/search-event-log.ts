// Search impressions and clicks, logged cheaply: buffered in memory and written in one
// statement per second (or per FLUSH_AT events) that appends the raw events and bumps the
// per-query counters ranking reads. A crash loses at most a second of analytics, never
// anything a buyer or seller depends on; under a database outage the buffer stops growing.
import "server-only";

import { batchedWriter } from "@/lib/db/batched-writer";
import { db } from "@/lib/db/client";

export type SearchEventKind = "impression" | "click" | "purchase" | "no_results";
export type SearchEventInput = {
  kind: SearchEventKind;
  query: string;
  userId: string | null;
  productId: string | null;
  position: number | null;
};

const MAX_QUERY = 200;

type Row = SearchEventInput & { at: string };

const log = batchedWriter<Row>({ key: "searchEventLog", what: "search events", write: writeBatch });

/** Queues events for the next batch write; returns at once. */
export function recordSearchEvents(events: SearchEventInput[]): void {
  log.add(events.map((e) => ({ ...e, query: e.query.slice(0, MAX_QUERY), at: new Date().toISOString() })));
}

/** Writes everything buffered now (tests and shutdown call it; the timer does otherwise). Returns events written. */
export function flushSearchEvents(): Promise<number> {
  return log.flush();
}

async function writeBatch(batch: Row[]): Promise<number> {
  // Counters are upserted in (query, product) order so concurrent flushes from several
  // processes lock rows in the same order and cannot deadlock.
  await db().$executeRaw`
    WITH ev AS (
      SELECT * FROM unnest(
        ${batch.map((e) => e.kind)}::text[], ${batch.map((e) => e.query)}::text[], ${batch.map((e) => e.userId)}::uuid[],
        ${batch.map((e) => e.productId)}::uuid[], ${batch.map((e) => e.position)}::int[], ${batch.map((e) => e.at)}::timestamptz[]
      ) AS e(kind, query, user_id, product_id, position, at)
    ), raw AS (
      INSERT INTO search_events (kind, query, user_id, product_id, position, created_at)
      SELECT kind::"SearchEventKind", query, user_id, product_id, position, at AT TIME ZONE 'UTC' FROM ev
    )
    INSERT INTO search_query_stats AS s (query, product_id, impressions, clicks, purchases, updated_at)
    SELECT query, product_id,
           count(*) FILTER (WHERE kind = 'impression'), count(*) FILTER (WHERE kind = 'click'), count(*) FILTER (WHERE kind = 'purchase'),
           CURRENT_TIMESTAMP
      FROM ev WHERE query <> '' AND product_id IS NOT NULL
     GROUP BY query, product_id
     ORDER BY query, product_id
    ON CONFLICT (query, product_id) DO UPDATE SET
      impressions = s.impressions + EXCLUDED.impressions,
      clicks = s.clicks + EXCLUDED.clicks,
      purchases = s.purchases + EXCLUDED.purchases,
      updated_at = EXCLUDED.updated_at`;
  return batch.length;
}
