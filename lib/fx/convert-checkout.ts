// A checkout in the buyer's currency: the shops' orders stay in their own currencies, and each
// order that differs gets its amounts in the buyer's, at rates locked now. Exact integer
// arithmetic throughout (rate-math): the orders' charges add up to the PaymentIntent exactly.
import type { PricedCheckout, PricedOrder } from "@/lib/orders/price-lines";

import { convertCents, crossRate, splitByWeights, type RateTable } from "./rate-math";

/** An order's amounts in the checkout's currency, beside its own (the shop's). */
export type ChargeAmounts = {
  currency: string;
  /** Shop's currency → checkout's, as locked (crossRate, 8 places). */
  rate: string;
  subtotalCents: number;
  shippingCents: number;
  /** Its tax, inside the charge (VAT) or part of it (sales tax), as the order's own is. */
  taxCents: number;
  totalCents: number;
  /** The commission, converted on its own: shown, never charged. */
  platformFeeCents: number;
  /** totalCents less the order's total converted on its own: the split's rounding, a cent or none. */
  fxDifferenceCents: number;
};

/** One locked rate, as the checkout keeps it and the buyer is shown it. */
export type LockedRate = { from: string; to: string; rate: string; source: string; asOf: string };
export type FxLock = { lockedAt: string; rates: LockedRate[] };

/** The rate table with each currency's source and day (loadRateTable's rows). */
export type RateSnapshot = { rates: RateTable; meta: Readonly<Record<string, { source: string; asOf: string }>> };

// Weights for the split: each order's total converted to ten-thousandths of a cent, so orders
// are shared out by their exact value rather than by already-rounded cents.
const SCALE = 10_000;

/**
 * Converts the orders whose shop's currency is not the checkout's. Their charges together are
 * their exact converted value, rounded once; that total is split among them by their exact
 * values (splitByWeights, largest remainder), so no cent is lost or created however many shops
 * the cart has. Within an order, its charge is split the same way into items, shipping and tax
 * added on top; tax inside the prices is the charge's share of it. Orders already in the
 * checkout's currency keep their amounts as they are. Throws RangeError for a currency the table has no rate for.
 */
export function convertCheckout(
  priced: PricedCheckout,
  snapshot: RateSnapshot,
  now: Date,
): { priced: PricedCheckout; lock: FxLock | null } {
  const to = priced.currency;
  const converted = priced.orders.filter((o) => o.currency !== to);
  if (converted.length === 0) return { priced, lock: null };
  const weights = converted.map((o) => convertCents(o.totalCents * SCALE, o.currency, to, snapshot.rates));
  const exactTotal = weights.reduce((a, w) => a + w, 0);
  const shares = splitByWeights(Math.floor((exactTotal + SCALE / 2) / SCALE), weights);
  const charges = new Map(converted.map((o, i) => [o, chargeOf(o, shares[i], to, snapshot.rates)]));
  const orders = priced.orders.map((o) => (charges.has(o) ? { ...o, charge: charges.get(o)! } : o));
  const totalCents = orders.reduce((s, o) => s + (o.charge?.totalCents ?? o.totalCents), 0);
  const froms = [...new Set(converted.map((o) => o.currency))].sort();
  const rates = froms.map((from): LockedRate => {
    const a = snapshot.meta[from];
    const b = snapshot.meta[to];
    return {
      from,
      to,
      rate: crossRate(from, to, snapshot.rates),
      // A cross rate is as good as its older leg; "ecb" only when both are the bank's.
      source: a?.source === b?.source ? (a?.source ?? "table") : [a?.source, b?.source].filter(Boolean).join("+"),
      asOf: [a?.asOf, b?.asOf].filter(Boolean).sort()[0] ?? now.toISOString().slice(0, 10),
    };
  });
  return { priced: { ...priced, orders, totalCents }, lock: { lockedAt: now.toISOString(), rates } };
}

function chargeOf(o: PricedOrder, totalCents: number, to: string, rates: RateTable): ChargeAmounts {
  const addedTax = o.totalCents - o.subtotalCents - o.shippingCents;
  const [subtotalCents, shippingCents, addedTaxCents] = splitByWeights(totalCents, [
    o.subtotalCents,
    o.shippingCents,
    addedTax,
  ]);
  const taxCents =
    o.taxCents === addedTax ? addedTaxCents : splitByWeights(totalCents, [o.taxCents, o.totalCents - o.taxCents])[0];
  return {
    currency: to,
    rate: crossRate(o.currency, to, rates),
    subtotalCents,
    shippingCents,
    taxCents,
    totalCents,
    platformFeeCents: convertCents(o.platformFeeCents, o.currency, to, rates),
    fxDifferenceCents: totalCents - convertCents(o.totalCents, o.currency, to, rates),
  };
}

/**
 * What shops' totals (each in its own currency) come to in `to`, the way a checkout converts
 * them: for the cart and checkout pages, before anything is locked.
 */
export function quoteInCurrency(
  shops: readonly { currency: string; totalCents: number }[],
  to: string,
  snapshot: RateSnapshot,
  now: Date,
): { totalCents: number; shopCents: number[]; rates: LockedRate[] } {
  const orders = shops.map((s, i): PricedOrder => ({
    sellerId: String(i),
    currency: s.currency,
    subtotalCents: s.totalCents,
    shippingCents: 0,
    totalCents: s.totalCents,
    platformFeeCents: 0,
    taxCents: 0,
    shippingTaxCents: 0,
    taxInclusive: false,
    taxLabel: null,
    taxJurisdiction: null,
    handlingDays: { min: 0, max: 0 },
    transitDays: { min: 0, max: 0 },
    commissionBps: 0,
    items: [],
  }));
  const { priced, lock } = convertCheckout(
    { currency: to, totalCents: shops.reduce((a, s) => a + s.totalCents, 0), orders },
    snapshot,
    now,
  );
  return {
    totalCents: priced.totalCents,
    shopCents: priced.orders.map((o) => o.charge?.totalCents ?? o.totalCents),
    rates: lock?.rates ?? [],
  };
}
