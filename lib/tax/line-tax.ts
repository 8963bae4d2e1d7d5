/**
 * One line's tax in cents, rounded once per line, half up. Inclusive (VAT, GST): the price
 * already contains the tax, so tax = price × r / (1 + r). Exclusive (sales tax): tax = price × r,
 * added to the price. Rates are basis points (1900 = 19%). Integer arithmetic only.
 */
export function lineTaxCents(amountCents: number, rateBps: number, inclusive: boolean): number {
  if (amountCents <= 0 || rateBps <= 0) return 0;
  const n = BigInt(amountCents) * BigInt(rateBps);
  const d = BigInt(inclusive ? 10000 + rateBps : 10000);
  return Number((2n * n + d) / (2n * d));
}
