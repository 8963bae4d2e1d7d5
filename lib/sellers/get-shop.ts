import "server-only";

import { readDb } from "@/lib/db/read-db";
import { env } from "@/lib/env";
import { countryName } from "@/lib/shipping/country-name";
import { ZONE_SELECT } from "@/lib/shipping/load-shipping-profiles";

export type ShopZone = {
  where: string;
  firstItemCents: number;
  additionalItemCents: number;
  freeOverCents: number | null;
  days: { min: number; max: number };
};

export type Shop = {
  id: string;
  slug: string;
  shopName: string;
  description: string | null;
  ratingAvg: number;
  ratingCount: number;
  /** Orders paid for and not cancelled or refunded whole. */
  sales: number;
  liveListings: number;
  memberSince: string;
  shipping: { currency: string; zones: ShopZone[] } | null;
  returnWindowDays: number;
};

/** Orders that count as a sale on a shop page: paid and still standing. */
const SOLD = ["paid", "shipped", "delivered", "completed", "disputed"] as const;

/**
 * A shop's public page: who it is, how it is rated, how much it has sold, and its policies (the
 * default shipping profile's zones; the platform's return window). Null for an unknown or
 * suspended shop, which has no public page.
 */
export async function getShop(slug: string): Promise<Shop | null> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const client = readDb();
  const seller = await client.sellerProfile.findFirst({
    where: { slug, status: "active" },
    select: {
      id: true,
      slug: true,
      shopName: true,
      description: true,
      ratingAvg: true,
      ratingCount: true,
      createdAt: true,
      shippingProfiles: {
        where: { isDefault: true },
        take: 1,
        select: {
          currency: true,
          zones: {
            orderBy: [{ restOfWorld: "asc" }, { createdAt: "asc" }],
            select: ZONE_SELECT,
          },
        },
      },
    },
  });
  if (!seller) return null;
  const [sales, liveListings] = await Promise.all([
    client.order.count({ where: { sellerId: seller.id, status: { in: [...SOLD] } } }),
    client.product.count({ where: { sellerId: seller.id, status: "active" } }),
  ]);
  const profile = seller.shippingProfiles[0];
  return {
    id: seller.id,
    slug: seller.slug,
    shopName: seller.shopName,
    description: seller.description,
    ratingAvg: seller.ratingAvg,
    ratingCount: seller.ratingCount,
    sales,
    liveListings,
    memberSince: seller.createdAt.toISOString(),
    shipping: profile
      ? {
          currency: profile.currency,
          zones: profile.zones.map((z) => ({
            where: z.restOfWorld ? "Everywhere else" : z.countries.map(countryName).join(", "),
            firstItemCents: z.firstItemCents,
            additionalItemCents: z.additionalItemCents,
            freeOverCents: z.freeOverCents,
            days: { min: z.handlingDaysMin + z.transitDaysMin, max: z.handlingDaysMax + z.transitDaysMax },
          })),
        }
      : null,
    returnWindowDays: env().RETURN_WINDOW_DAYS,
  };
}
