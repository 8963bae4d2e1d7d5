import { isAppError } from "@/lib/errors/app-error";

import { resolveAnalyticsRange, ZAnalyticsRangeQuery, type AnalyticsRange } from "./analytics-range";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * An analytics page's range from its URL. A page shows something whatever the URL says: a range
 * it cannot read falls back to the last 30 days, with the reason to show (an API answers 400).
 */
export function readAnalyticsRange(raw: SearchParams): { range: AnalyticsRange; error: string | null } {
  const parsed = ZAnalyticsRangeQuery.safeParse({ days: one(raw.days), from: one(raw.from), to: one(raw.to) });
  try {
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "That range could not be read.");
    return { range: resolveAnalyticsRange(parsed.data), error: null };
  } catch (err) {
    const message = isAppError(err) || err instanceof Error ? err.message : "That range could not be read.";
    return { range: resolveAnalyticsRange({ days: "30" }), error: `${message} Showing the last 30 days.` };
  }
}
