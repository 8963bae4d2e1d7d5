/**
 * The platform's commission on an order, in minor units: each line's amount times its
 * category's rate (basis points), summed exactly, then rounded once, half up.
 */
export function commissionCents(lines: { amountCents: number; bps: number }[]): number {
  const exact = lines.reduce((sum, l) => sum + BigInt(l.amountCents) * BigInt(l.bps), 0n);
  return Number((exact + 5000n) / 10000n);
}

/** The single rate that reproduces a commission on a total, for display and records. */
export function effectiveBps(totalCents: number, feeCents: number): number {
  return totalCents === 0 ? 0 : Math.round((feeCents * 10000) / totalCents);
}
