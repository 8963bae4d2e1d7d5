import "server-only";

import { z } from "zod";

import { recordAnalyticsEvents } from "./analytics-event-log";
import type { EventActor } from "./event-actor";

export const ZRecommendationEvents = z.object({
  event: z.enum(["impression", "click"], { error: "Event must be impression or click." }),
  placement: z
    .string({ error: "Name the block." })
    .regex(
      /^(also_bought|similar|recently_viewed|for_you):(product|cart|order|home)$/,
      "Unknown recommendation block.",
    ),
  product_ids: z
    .array(z.uuid("Unknown product."), { error: "List the products shown or clicked." })
    .min(1, "List the products shown or clicked.")
    .max(20, "At most 20 products per event."),
});
export type TRecommendationEvents = z.infer<typeof ZRecommendationEvents>;

/**
 * Queues a recommendation block's impression (one event per listing shown) or a click on one of
 * its listings, for ranking and analytics; off the request's path like every buffered event. A
 * crawler's (actor null) is not counted.
 */
export function recordRecommendationEvents(input: TRecommendationEvents, actor: EventActor | null): number {
  if (!actor) return 0;
  const kind = input.event === "impression" ? "rec_impression" : "rec_click";
  const ids = input.event === "click" ? input.product_ids.slice(0, 1) : [...new Set(input.product_ids)];
  recordAnalyticsEvents(
    ids.map((productId) => ({ kind, productId, sellerId: null, placement: input.placement, ...actor })),
  );
  return ids.length;
}
