import { z } from "zod";

import { normalizeQuery } from "../query/normalize-query";
import { MAX_QUERY_CHARS, RESULT_WINDOW } from "../search-config";
import { recordSearchEvents } from "./search-event-log";

/** Clicks feed ranking, so one address cannot pour them in. */
export const ZSearchClicks = z.object({
  events: z
    .array(
      z.object({
        kind: z.literal("click"),
        query: z.string().max(MAX_QUERY_CHARS),
        product_id: z.uuid(),
        position: z.number().int().min(1).max(RESULT_WINDOW),
      }),
    )
    .min(1)
    .max(20),
});
export type TSearchClicks = z.infer<typeof ZSearchClicks>;

/** Queues result clicks sent by the results page (navigator.sendBeacon). Returns how many were accepted. */
export function recordSearchClicks(input: TSearchClicks, userId: string | null): number {
  recordSearchEvents(
    input.events.map((e) => ({
      kind: "click",
      query: normalizeQuery(e.query).text,
      userId,
      productId: e.product_id,
      position: e.position,
    })),
  );
  return input.events.length;
}
