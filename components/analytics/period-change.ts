/** How a number moved against the previous period, for a stat card's hint. */
export function periodChange(now: number, before: number): string {
  if (before === 0) return now === 0 ? "no change" : "new this period";
  const pct = Math.round(((now - before) / before) * 100);
  return `${pct >= 0 ? "+" : ""}${pct}% vs previous period`;
}
