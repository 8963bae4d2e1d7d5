// Currency conversion in exact integer arithmetic. A rate is a decimal string ("1.0512": units
// of the currency per euro, as the ECB publishes it), read as a fraction of two BigInts, so a
// cross rate (USD → GBP = GBP per euro ÷ USD per euro) never passes through a float. Amounts
// are integer minor units; every supported currency has two decimals (see SUPPORTED_CURRENCIES).

/** A decimal rate as numerator / denominator (denominator a power of ten). */
export type Rate = { num: bigint; den: bigint };

/** Units of each currency per one euro; EUR itself is "1". */
export type RateTable = Readonly<Record<string, string>>;

const DECIMAL = /^(?:0|[1-9]\d{0,9})(?:\.(\d{1,8}))?$/;

/** Reads "1.0512" exactly; throws on anything that is not a positive decimal with ≤ 8 places. */
export function parseRate(text: string): Rate {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`Not a rate: ${JSON.stringify(text)}`);
  const [whole, frac = ""] = text.trim().split(".");
  const num = BigInt(whole + frac);
  if (num === 0n) throw new RangeError("A rate must be greater than zero.");
  return { num, den: 10n ** BigInt(frac.length) };
}

/** a / b rounded half away from zero (b > 0). */
function divRound(a: bigint, b: bigint): bigint {
  const sign = a < 0n ? -1n : 1n;
  const abs = a < 0n ? -a : a;
  return sign * ((2n * abs + b) / (2n * b));
}

function rateOf(table: RateTable, currency: string): Rate {
  const text = table[currency];
  if (text === undefined) throw new RangeError(`No exchange rate for ${currency}.`);
  return parseRate(text);
}

/**
 * Converts integer cents from one currency to another through the euro rates, rounding half
 * away from zero once, at the end: amount × (to per euro) ÷ (from per euro).
 */
export function convertCents(amountCents: number, from: string, to: string, table: RateTable): number {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError("Amounts are whole cents.");
  if (from === to) return amountCents;
  const f = rateOf(table, from);
  const t = rateOf(table, to);
  return Number(divRound(BigInt(amountCents) * t.num * f.den, t.den * f.num));
}

/**
 * The rate from → to as a decimal string with `places` places (for showing and for storing the
 * rate a checkout locked), rounded half away from zero.
 */
export function crossRate(from: string, to: string, table: RateTable, places = 8): string {
  const f = rateOf(table, from);
  const t = rateOf(table, to);
  const scaled = divRound(t.num * f.den * 10n ** BigInt(places), t.den * f.num);
  const digits = scaled.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : whole;
}

/**
 * Splits `totalCents` into parts proportional to `weights` (largest remainder), so the parts
 * add up to the total exactly and each is within one cent of its exact share. Used where one
 * charge is shared between sellers: no cent is lost or created by the split.
 */
export function splitByWeights(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0)
    throw new RangeError("The total is whole, non-negative cents.");
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError("Weights are whole, non-negative numbers.");
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    if (totalCents !== 0) throw new RangeError("Cannot split a non-zero total by zero weights.");
    return weights.map(() => 0);
  }
  const total = BigInt(totalCents);
  const floors = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % sum }));
  let left = Number(total - floors.reduce((a, b) => a + b, 0n));
  // Largest remainders first; ties go to the earlier part, so the split is deterministic.
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = floors.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}
