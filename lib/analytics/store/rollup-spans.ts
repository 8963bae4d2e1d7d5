const DAY_MS = 86_400_000;

/** Half-open [from, to) spans of UTC timestamps, as ISO dates (YYYY-MM-DD). */
export type Span = { from: string; to: string };

/**
 * Splits the inclusive UTC days [from, to] into the whole calendar months inside them (read from
 * the month rollups) and the days before and after those (read from the day rollups), so a
 * year's range reads 12 month buckets and at most ~60 day buckets instead of 366. Every day of
 * the range is in exactly one span; empty spans have from = to. Pure, so it is unit-tested.
 */
export function rollupSpans(from: string, to: string): { headDays: Span; months: Span; tailDays: Span } {
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const start = Date.parse(`${from}T00:00:00Z`);
  const s = new Date(start);
  // The first month that starts on or after `from`, and the first day of the month `end` is in.
  const firstMonth =
    s.getUTCDate() === 1
      ? from
      : new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  const e = new Date(`${end}T00:00:00Z`);
  const lastMonthEnd = new Date(Date.UTC(e.getUTCFullYear(), e.getUTCMonth(), 1)).toISOString().slice(0, 10);
  if (firstMonth >= lastMonthEnd)
    return { headDays: { from, to: end }, months: { from: end, to: end }, tailDays: { from: end, to: end } };
  return {
    headDays: { from, to: firstMonth },
    months: { from: firstMonth, to: lastMonthEnd },
    tailDays: { from: lastMonthEnd, to: end },
  };
}
