import "server-only";

import { recordAnalyticsEvents } from "./analytics-event-log";
import type { EventActor } from "./event-actor";

/** Queues an add-to-cart (from the cart's add path, after the line was saved); a crawler's is not counted. */
export function recordAddToCart(productId: string, actor: EventActor | null): void {
  if (!actor) return;
  recordAnalyticsEvents([{ kind: "add_to_cart", productId, sellerId: null, ...actor }]);
}
