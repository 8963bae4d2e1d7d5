import type { TaxAddress, TaxEngine, TaxQuote } from "@/lib/tax/tax-engine";

import type { PricedCheckout } from "./price-lines";
import { taxPricedCheckout } from "./tax-priced-checkout";

/**
 * Asks the tax engine for each shop's order (its lines and its shipping, to the buyer's
 * address) and puts the answers on the priced checkout (taxPricedCheckout).
 */
export async function quoteCheckoutTax(
  engine: TaxEngine,
  priced: PricedCheckout,
  address: TaxAddress,
  at: Date = new Date(),
): Promise<PricedCheckout> {
  const quotes: TaxQuote[] = await Promise.all(
    priced.orders.map((o) =>
      engine.quote({
        buyerAddress: address,
        at,
        lines: o.items.map((it) => ({
          category: it.taxCategory,
          amountCents: it.quantity * it.unitPriceCents,
          currency: o.currency,
        })),
        shipping: { amountCents: o.shippingCents, currency: o.currency },
      }),
    ),
  );
  return taxPricedCheckout(priced, quotes);
}
