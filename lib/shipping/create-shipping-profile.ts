import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { listShopCurrencies } from "./list-shop-currencies";
import { ShippingProfileInput } from "./shipping-profile-input";

export const MAX_SHIPPING_PROFILES = 20;

/**
 * A new, empty shipping profile for the seller's own shop (it ships nowhere until a zone is
 * added), in a currency the shop sells in. Not the default: the seller chooses that.
 */
export async function createShippingProfile(opts: { sellerId: string; input: unknown }) {
  const input = parseInput(ShippingProfileInput, opts.input);
  const currencies = await listShopCurrencies(opts.sellerId);
  if (!currencies.includes(input.currency))
    throw new AppError(
      "validation_failed",
      `Your shop sells in ${currencies.join(", ") || "no currency yet"}; shipping rates must be in ${currencies.length === 1 ? "it" : "one of them"}.`,
      { fields: { currency: `Choose ${currencies.join(" or ")}.` } },
    );
  if ((await db().shippingProfile.count({ where: { sellerId: opts.sellerId } })) >= MAX_SHIPPING_PROFILES)
    throw new AppError("conflict", `A shop can have at most ${MAX_SHIPPING_PROFILES} shipping profiles.`);
  return db().shippingProfile.create({
    data: { sellerId: opts.sellerId, name: input.name, currency: input.currency },
    select: { id: true },
  });
}
