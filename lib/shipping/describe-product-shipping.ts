import "server-only";

import { formatMoney } from "@/lib/money/format-money";

import { countryName } from "./country-name";
import { getBuyerCountry } from "./get-buyer-country";
import { loadShippingProfiles } from "./load-shipping-profiles";
import { quoteShopShipping } from "./quote-shop-shipping";

/**
 * One line for a product page: what one of this product costs to ship to the signed-in buyer's
 * address country and how long it takes, or that it does not ship there; null without an address.
 */
export async function describeProductShipping(opts: {
  userId: string | null;
  productId: string;
  priceCents: number;
  currency: string;
}): Promise<{ ships: boolean; text: string } | null> {
  const country = opts.userId ? await getBuyerCountry(opts.userId) : null;
  if (!country) return null;
  const to = countryName(country);
  const profile = (await loadShippingProfiles([opts.productId])).get(opts.productId);
  const quote = profile ? quoteShopShipping([{ profile, quantity: 1, amountCents: opts.priceCents }], country) : null;
  if (!quote?.ships) return { ships: false, text: `Does not ship to ${to}.` };
  const cost = quote.shippingCents === 0 ? "free" : formatMoney(quote.shippingCents, opts.currency);
  const days = `${quote.handlingDays.min + quote.transitDays.min}–${quote.handlingDays.max + quote.transitDays.max}`;
  return { ships: true, text: `Ships to ${to}: ${cost}, arrives in ${days} days.` };
}
