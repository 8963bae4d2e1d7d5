// Marketplace analytics events (views, carts, checkouts), recorded off the request's critical
// path: buffered in memory and written as one multi-row INSERT per second (or per FLUSH_AT
// events), never awaited by the page or route that records them. The seller of a product is
// looked up in that INSERT, so a caller needs only the product id and an unknown product is
// dropped there. A crash loses at most a second of events; a database outage stops the buffer
// growing past MAX_BUFFERED. Events that must not be lost (order_paid, refund) are written by
// the worker in its own transaction instead (record-order-events.ts).
import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export type BufferedEventKind = "product_view" | "add_to_cart" | "checkout_started";
export type BufferedEvent = {
  kind: BufferedEventKind;
  /** product_view and add_to_cart name a product (its seller is looked up); checkout_started names the seller. */
  productId: string | null;
  sellerId: string | null;
  orderId?: string | null;
  userId: string | null;
  visitorKey: string | null;
  occurredAt?: Date;
};

const FLUSH_MS = 1000;
const FLUSH_AT = 500;
const MAX_BUFFERED = 20_000;

type Row = Required<BufferedEvent> & { at: string };
type State = {
  buffer: Row[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<number> | null;
  dropped: number;
};
// Shared across the module copies Next may load in one process.
const g = globalThis as unknown as { analyticsEventLog?: State };
const state: State = (g.analyticsEventLog ??= { buffer: [], timer: null, flushing: null, dropped: 0 });

/** Queues events for the next batch write; returns at once. */
export function recordAnalyticsEvents(events: BufferedEvent[]): void {
  for (const e of events) {
    if (state.buffer.length >= MAX_BUFFERED) {
      state.dropped += 1;
      continue;
    }
    state.buffer.push({
      kind: e.kind,
      productId: e.productId,
      sellerId: e.sellerId,
      orderId: e.orderId ?? null,
      userId: e.userId,
      visitorKey: e.visitorKey,
      occurredAt: e.occurredAt ?? new Date(),
      at: (e.occurredAt ?? new Date()).toISOString(),
    });
  }
  if (state.buffer.length >= FLUSH_AT) void flushAnalyticsEvents();
  else if (!state.timer && state.buffer.length) {
    state.timer = setTimeout(() => void flushAnalyticsEvents(), FLUSH_MS);
    state.timer.unref?.();
  }
}

/** How many events are waiting (tests, and the shutdown log line). */
export function bufferedAnalyticsEvents(): number {
  return state.buffer.length;
}

/** Writes everything buffered now (tests and shutdown call it; the timer does otherwise). Returns events written. */
export async function flushAnalyticsEvents(): Promise<number> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  if (state.flushing) await state.flushing;
  if (state.buffer.length === 0) return 0;
  const batch = state.buffer.splice(0, state.buffer.length);
  state.flushing = writeBatch(batch)
    .catch((err) => {
      logger.warn({ err, events: batch.length }, "analytics events dropped: could not write them");
      return 0;
    })
    .finally(() => {
      state.flushing = null;
      if (state.buffer.length && !state.timer) {
        state.timer = setTimeout(() => void flushAnalyticsEvents(), FLUSH_MS);
        state.timer.unref?.();
      }
    });
  return state.flushing;
}

async function writeBatch(batch: Row[]): Promise<number> {
  // The product's seller wins over a passed one: a beacon cannot credit a view to another shop.
  return db().$executeRaw`
    INSERT INTO analytics_events (kind, seller_id, product_id, order_id, user_id, visitor_key, occurred_at)
    SELECT e.kind::"AnalyticsEventKind", coalesce(p.seller_id, e.seller_id), e.product_id, e.order_id, e.user_id, e.visitor_key,
           e.at AT TIME ZONE 'UTC'
      FROM unnest(
        ${batch.map((e) => e.kind)}::text[], ${batch.map((e) => e.productId)}::uuid[], ${batch.map((e) => e.sellerId)}::uuid[],
        ${batch.map((e) => e.orderId)}::uuid[], ${batch.map((e) => e.userId)}::uuid[], ${batch.map((e) => e.visitorKey)}::text[],
        ${batch.map((e) => e.at)}::timestamptz[]
      ) AS e(kind, product_id, seller_id, order_id, user_id, visitor_key, at)
      LEFT JOIN products p ON p.id = e.product_id
     WHERE coalesce(p.seller_id, e.seller_id) IS NOT NULL
       AND (e.product_id IS NULL OR p.id IS NOT NULL)`;
}
