import "server-only";

import { db } from "@/lib/db/client";

/**
 * The currencies a shop sells in: its listings' (archived ones aside) and its default
 * profile's, which a new shop starts with. Shipping rates are charged in a listing's own
 * currency, so a profile in any other could never be charged.
 */
export async function listShopCurrencies(sellerId: string): Promise<string[]> {
  const [listings, profiles] = await Promise.all([
    db().product.findMany({
      where: { sellerId, status: { not: "archived" } },
      distinct: ["currency"],
      select: { currency: true },
    }),
    db().shippingProfile.findMany({ where: { sellerId, isDefault: true }, select: { currency: true } }),
  ]);
  return [...new Set([...profiles, ...listings].map((r) => r.currency))];
}
