// What a refund of an order paid in another currency gives back in that currency. The refund is
// planned in the shop's currency (planRefund); its charge-currency amounts follow the same rule
// as commission and tax there: after any refund, what went back in total is the charge times the
// share of the order refunded in total, rounded half up, and each refund gives back the
// difference. Partial refunds never return more than was paid, and a whole one returns it all,
// to the cent, whatever the rate did since.

export type ChargedOrder = {
  /** The charge currency (the checkout's). */
  currency: string;
  totalCents: number;
  taxCents: number;
  chargeTotalCents: number;
  chargeTaxCents: number;
  /** The charge less the total converted on its own (the split's rounding). */
  fxDifferenceCents: number;
};

/** Shop-currency and charge-currency amounts refunded (or claimed) before this refund. */
export type RefundedSoFar = { cents: number; taxCents: number; chargeCents: number; chargeTaxCents: number };

function shareOf(whole: number, part: number, of: number): number {
  if (of <= 0 || part >= of) return whole;
  return Number((2n * BigInt(whole) * BigInt(part) + BigInt(of)) / (2n * BigInt(of)));
}

export function planChargeRefund(
  order: ChargedOrder,
  before: RefundedSoFar,
  refund: { amountCents: number; taxCents: number },
): { chargeAmountCents: number; chargeTaxCents: number } {
  const after = before.cents + refund.amountCents;
  const chargeAfter = shareOf(order.chargeTotalCents, after, order.totalCents);
  const chargeAmountCents = Math.max(
    0,
    Math.min(order.chargeTotalCents - before.chargeCents, chargeAfter - before.chargeCents),
  );
  const taxAfter =
    order.taxCents > 0 ? shareOf(order.chargeTaxCents, before.taxCents + refund.taxCents, order.taxCents) : 0;
  const chargeTaxCents = Math.max(0, Math.min(chargeAmountCents, taxAfter - before.chargeTaxCents));
  return { chargeAmountCents, chargeTaxCents };
}

/**
 * The FX account's part of a refund in the charge currency: its share of the order converted on
 * its own (the charge less the FX difference), by the same cumulative rule, from the shop-currency
 * amounts refunded before and after. Over all of an order's refunds it adds up to that share exactly.
 */
export function fxAccountShare(order: ChargedOrder, refundedBefore: number, refundedAfter: number): number {
  const converted = order.chargeTotalCents - order.fxDifferenceCents;
  return shareOf(converted, refundedAfter, order.totalCents) - shareOf(converted, refundedBefore, order.totalCents);
}
