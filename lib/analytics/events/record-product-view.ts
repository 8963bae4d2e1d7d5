import "server-only";

import { z } from "zod";

import { recordAnalyticsEvents } from "./analytics-event-log";
import type { EventActor } from "./event-actor";

export const ZProductViewBeacon = z.object({ product_id: z.uuid("Unknown product.") });
export type TProductViewBeacon = z.infer<typeof ZProductViewBeacon>;

/** Queues a product view sent by the product page's beacon; a crawler's (actor null) is not counted. */
export function recordProductView(input: TProductViewBeacon, actor: EventActor | null): boolean {
  if (!actor) return false;
  recordAnalyticsEvents([{ kind: "product_view", productId: input.product_id, sellerId: null, ...actor }]);
  return true;
}
