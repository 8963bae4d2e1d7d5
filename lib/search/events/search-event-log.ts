// Search impressions and clicks, logged cheaply: buffered in memory and written in one
// statement per second (or per FLUSH_AT events) that appends the raw events and bumps the
// per-query counters ranking reads. A crash loses at most a second of analytics, never
// anything a buyer or seller depends on; under a database outage the buffer stops growing.
import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export type SearchEventKind = "impression" | "click" | "purchase";
export type SearchEventInput = {
  kind: SearchEventKind;
  query: string;
  userId: string | null;
  productId: string | null;
  position: number | null;
};

const FLUSH_MS = 1000;
const FLUSH_AT = 500;
const MAX_BUFFERED = 20_000;
const MAX_QUERY = 200;

type State = {
  buffer: (SearchEventInput & { at: string })[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<number> | null;
  dropped: number;
};
// Shared across the module copies Next may load in one process.
const g = globalThis as unknown as { searchEventLog?: State };
const state: State = (g.searchEventLog ??= { buffer: [], timer: null, flushing: null, dropped: 0 });

/** Queues events for the next batch write; returns at once. */
export function recordSearchEvents(events: SearchEventInput[]): void {
  for (const e of events) {
    if (state.buffer.length >= MAX_BUFFERED) {
      state.dropped += 1;
      continue;
    }
    state.buffer.push({ ...e, query: e.query.slice(0, MAX_QUERY), at: new Date().toISOString() });
  }
  if (state.buffer.length >= FLUSH_AT) void flushSearchEvents();
  else if (!state.timer && state.buffer.length) {
    state.timer = setTimeout(() => void flushSearchEvents(), FLUSH_MS);
    state.timer.unref?.();
  }
}

/** Writes everything buffered now (tests and shutdown call it; the timer does otherwise). Returns events written. */
export async function flushSearchEvents(): Promise<number> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  if (state.flushing) await state.flushing;
  if (state.buffer.length === 0) return 0;
  const batch = state.buffer.splice(0, state.buffer.length);
  state.flushing = writeBatch(batch)
    .catch((err) => {
      logger.warn({ err, events: batch.length }, "search events dropped: could not write them");
      return 0;
    })
    .finally(() => {
      state.flushing = null;
      if (state.buffer.length && !state.timer) {
        state.timer = setTimeout(() => void flushSearchEvents(), FLUSH_MS);
        state.timer.unref?.();
      }
    });
  return state.flushing;
}

async function writeBatch(batch: (SearchEventInput & { at: string })[]): Promise<number> {
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
