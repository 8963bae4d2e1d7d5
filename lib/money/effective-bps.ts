/** The single rate that reproduces a commission on a total, for display and records. */
export function effectiveBps(totalCents: number, feeCents: number): number {
  return totalCents === 0 ? 0 : Math.round((feeCents * 10000) / totalCents);
}
