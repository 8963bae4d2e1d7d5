import type { AnalyticsRange } from "./analytics-range";

/** A UTC day (YYYY-MM-DD) as the viewer's locale writes a short date ("Dec 4", "4. Dez."). */
export function dayLabeller(locale: string): (day: string) => string {
  const f = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  return (day) => f.format(new Date(`${day}T00:00:00Z`));
}

/** "Nov 5 – Dec 4 (UTC days), compared with Oct 6 – Nov 4": an analytics page's subtitle. */
export function describeRange(range: AnalyticsRange, locale: string): string {
  const label = dayLabeller(locale);
  return `${label(range.from)} – ${label(range.to)} (UTC days), compared with ${label(range.previous.from)} – ${label(range.previous.to)}`;
}
