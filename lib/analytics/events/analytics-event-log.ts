// Marketplace analytics events (views, carts, checkouts), recorded off the request's critical
// path: buffered in memory and written as one multi-row INSERT per second (or per FLUSH_AT
// events), never awaited by the page or route that records them. The seller of a product is
// looked up in that INSERT, so a caller needs only the product id and an unknown product is
// dropped there. A crash loses at most a second of events; a database outage stops the buffer
// growing past MAX_BUFFERED. Events that must not be lost (order_paid, refund) are written by
// the worker in its own transaction instead (record-order-events.ts).
import "server-only";

import { batchedWriter } from "@/lib/db/batched-writer";
import { db } from "@/lib/db/client";

export type BufferedEventKind = "product_view" | "add_to_cart" | "checkout_started" | "rec_impression" | "rec_click";
export type BufferedEvent = {
  kind: BufferedEventKind;
  /** product_view and add_to_cart name a product (its seller is looked up); checkout_started names the seller. */
  productId: string | null;
  sellerId: string | null;
  orderId?: string | null;
  userId: string | null;
  visitorKey: string | null;
  /** Recommendation events: the block and page ("also_bought:product"). */
  placement?: string | null;
  occurredAt?: Date;
};

type Row = Required<BufferedEvent> & { at: string };

const log = batchedWriter<Row>({ key: "analyticsEventLog", what: "analytics events", write: writeBatch });

/** Queues events for the next batch write; returns at once. */
export function recordAnalyticsEvents(events: BufferedEvent[]): void {
  log.add(
    events.map((e) => ({
      kind: e.kind,
      productId: e.productId,
      sellerId: e.sellerId,
      orderId: e.orderId ?? null,
      userId: e.userId,
      visitorKey: e.visitorKey,
      placement: e.placement ?? null,
      occurredAt: e.occurredAt ?? new Date(),
      at: (e.occurredAt ?? new Date()).toISOString(),
    })),
  );
}

/** How many events are waiting (tests, and the shutdown log line). */
export function bufferedAnalyticsEvents(): number {
  return log.size();
}

/** Writes everything buffered now (tests and shutdown call it; the timer does otherwise). Returns events written. */
export function flushAnalyticsEvents(): Promise<number> {
  return log.flush();
}

async function writeBatch(batch: Row[]): Promise<number> {
  // The product's seller wins over a passed one: a beacon cannot credit a view to another shop.
  return db().$executeRaw`
    INSERT INTO analytics_events (kind, seller_id, product_id, order_id, user_id, visitor_key, placement, occurred_at)
    SELECT e.kind::"AnalyticsEventKind", coalesce(p.seller_id, e.seller_id), e.product_id, e.order_id, e.user_id, e.visitor_key,
           e.placement, e.at AT TIME ZONE 'UTC'
      FROM unnest(
        ${batch.map((e) => e.kind)}::text[], ${batch.map((e) => e.productId)}::uuid[], ${batch.map((e) => e.sellerId)}::uuid[],
        ${batch.map((e) => e.orderId)}::uuid[], ${batch.map((e) => e.userId)}::uuid[], ${batch.map((e) => e.visitorKey)}::text[],
        ${batch.map((e) => e.placement)}::text[], ${batch.map((e) => e.at)}::timestamptz[]
      ) AS e(kind, product_id, seller_id, order_id, user_id, visitor_key, placement, at)
      LEFT JOIN products p ON p.id = e.product_id
     WHERE coalesce(p.seller_id, e.seller_id) IS NOT NULL
       AND (e.product_id IS NULL OR p.id IS NOT NULL)`;
}
