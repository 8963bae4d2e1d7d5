import "server-only";

import type { CartViewGroup } from "@/lib/cart/build-cart-view";

import { getShipToAddress } from "./get-buyer-country";
import { loadShippingProfiles } from "./load-shipping-profiles";
import { quoteShopShipping, type ShopShippingQuote } from "./quote-shop-shipping";

/**
 * Each cart shop's shipping to the country of the buyer's chosen address (else their default),
 * as checkout will charge it (the same quote); null without a signed-in buyer with an address,
 * who sees it at checkout.
 */
export async function quoteCartShipping(
  userId: string | null,
  groups: CartViewGroup[],
  addressId?: string | null,
): Promise<{ addressId: string; country: string; bySeller: Map<string, ShopShippingQuote> } | null> {
  const address = userId ? await getShipToAddress(userId, addressId) : null;
  if (!address) return null;
  const country = address.country;
  const lines = groups.flatMap((g) => g.lines.filter((l) => l.available && l.quantity > 0));
  const profiles = await loadShippingProfiles(lines.map((l) => l.productId));
  const bySeller = new Map<string, ShopShippingQuote>();
  for (const g of groups) {
    const shipping = g.lines
      .filter((l) => l.available && l.quantity > 0)
      .map((l) => ({ profile: profiles.get(l.productId), quantity: l.quantity, amountCents: l.lineTotalCents }));
    if (shipping.length === 0) continue;
    const missing = shipping.find((s) => !s.profile);
    bySeller.set(
      g.sellerId,
      missing
        ? { ships: false, profileName: "" }
        : quoteShopShipping(
            shipping.map((s) => ({ ...s, profile: s.profile! })),
            country,
          ),
    );
  }
  return { addressId: address.id, country, bySeller };
}
