/**
 * The platform's commission on an order, in minor units: each line's amount times its
 * category's rate (basis points), summed exactly, then rounded once, half up.
 */

/**
 * The platform's commission on an order, in minor units: each line's amount times its
 * category's rate (basis points), summed exactly, then rounded once, half up.
 */
export function commissionCents(lines: { amountCents: number; bps: number }[]): number {
  const exact = lines.reduce((sum, l) => sum + BigInt(l.amountCents) * BigInt(l.bps), 0n);
  return Number((exact + 5000n) / 10000n);
}
