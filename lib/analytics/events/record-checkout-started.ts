import "server-only";

import { recordAnalyticsEvents } from "./analytics-event-log";

/**
 * Queues a checkout started for each shop's order of a newly placed checkout (the caller skips a
 * replay). Not filtered for crawlers: a checkout needs an account, and its order is real.
 */
export function recordCheckoutStarted(buyerId: string, orders: { orderId: string; sellerId: string }[]): void {
  recordAnalyticsEvents(
    orders.map((o) => ({
      kind: "checkout_started",
      productId: null,
      sellerId: o.sellerId,
      orderId: o.orderId,
      userId: buyerId,
      visitorKey: null,
    })),
  );
}
