import type { SearchHit } from "../search-types";
import { recordSearchEvents } from "./search-event-log";

/** Impressions are logged for the first pages only: that is where ranking decisions show. */
const LOGGED_PAGES = 3;

/** Logs an impression per hit shown (position counted across pages), for ranking by conversion. */
export function recordSearchImpressions(opts: {
  text: string;
  page: number;
  offset: number;
  userId: string | null;
  hits: SearchHit[];
}): void {
  if (!opts.text || opts.page > LOGGED_PAGES || opts.hits.length === 0) return;
  recordSearchEvents(
    opts.hits.map((h, i) => ({
      kind: "impression",
      query: opts.text,
      userId: opts.userId,
      productId: h.id,
      position: opts.offset + i + 1,
    })),
  );
}
