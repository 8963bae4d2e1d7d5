import { commissionCents } from "@/lib/money/commission-cents";
import { effectiveBps } from "@/lib/money/effective-bps";
import type { TaxQuote } from "@/lib/tax/tax-engine";

import type { PricedCheckout, PricedOrder } from "./price-lines";

/**
 * Puts each order's tax quote (one per order, in the order of priced.orders) on a priced
 * checkout: every line keeps its rate and its tax, rounded on its own; the order's tax is their
 * sum plus shipping's. Tax outside the prices (US sales tax) is added to the order's total; tax
 * inside them (VAT, GST) changes no total. Commission is on the items' price without tax (the
 * platform takes no commission on money it collects for a tax authority), so for inclusive VAT
 * it is computed on each line's price less its VAT. The checkout's total is the orders' sum.
 */
export function taxPricedCheckout(priced: PricedCheckout, quotes: TaxQuote[]): PricedCheckout {
  const orders = priced.orders.map((o, i): PricedOrder => {
    const quote = quotes[i];
    const items = o.items.map((it, j) => {
      const t = quote.lines[j];
      return { ...it, taxRateBps: t.rateBps, taxCents: t.taxCents, taxInclusive: t.inclusive };
    });
    const shippingTax = quote.shipping ?? { rateBps: 0, taxCents: 0, inclusive: false };
    const all = [
      ...items.map((it) => ({ cents: it.taxCents, inclusive: it.taxInclusive })),
      {
        cents: shippingTax.taxCents,
        inclusive: shippingTax.inclusive,
      },
    ];
    const taxCents = all.reduce((s, t) => s + t.cents, 0);
    const exclusiveCents = all.filter((t) => !t.inclusive).reduce((s, t) => s + t.cents, 0);
    const platformFeeCents = commissionCents(
      items.map((it) => ({
        amountCents: it.quantity * it.unitPriceCents - (it.taxInclusive ? it.taxCents : 0),
        bps: it.commissionBps,
      })),
    );
    return {
      ...o,
      items,
      taxCents,
      shippingTaxCents: shippingTax.taxCents,
      taxInclusive: taxCents > 0 && exclusiveCents === 0,
      taxLabel: taxCents > 0 ? quote.label : null,
      taxJurisdiction: quote.jurisdiction,
      totalCents: o.subtotalCents + o.shippingCents + exclusiveCents,
      platformFeeCents,
      commissionBps: effectiveBps(o.subtotalCents, platformFeeCents),
    };
  });
  return { ...priced, orders, totalCents: orders.reduce((s, o) => s + o.totalCents, 0) };
}
