import "server-only";

import { db } from "@/lib/db/client";

import type { ProfileRules } from "./shipping-rules";

/** A zone's rules as the shipping quotes read them. */
export const ZONE_SELECT = {
  countries: true,
  restOfWorld: true,
  firstItemCents: true,
  additionalItemCents: true,
  freeOverCents: true,
  handlingDaysMin: true,
  handlingDaysMax: true,
  transitDaysMin: true,
  transitDaysMax: true,
} as const;

/**
 * The shipping profile that applies to each product, for display (the cart, a product page):
 * the listing's own, else its shop's default. Checkout reads the same in its own statement.
 * A product whose shop has no profile is absent from the map: it ships nowhere.
 */
export async function loadShippingProfiles(productIds: string[]): Promise<Map<string, ProfileRules>> {
  if (productIds.length === 0) return new Map();
  const products = await db().product.findMany({
    where: { id: { in: productIds } },
    select: {
      id: true,
      shippingProfile: { select: { id: true, name: true, zones: { select: ZONE_SELECT } } },
      seller: {
        select: {
          shippingProfiles: {
            where: { isDefault: true },
            select: { id: true, name: true, zones: { select: ZONE_SELECT } },
          },
        },
      },
    },
  });
  const found = new Map<string, ProfileRules>();
  for (const p of products) {
    const profile = p.shippingProfile ?? p.seller.shippingProfiles[0];
    if (profile) found.set(p.id, profile);
  }
  return found;
}
