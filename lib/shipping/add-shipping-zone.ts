import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { assertZoneFits } from "./assert-zone-fits";
import { ShippingZoneInput } from "./shipping-zone-input";

/**
 * Adds a destination zone to one of the seller's own profiles (the owner is in the query: a
 * profile of another shop is not found). Bad input is refused before anything is written.
 */
export async function addShippingZone(opts: { sellerId: string; profileId: string; input: unknown }) {
  const zone = parseInput(ShippingZoneInput, opts.input);
  const profile = await db().shippingProfile.findFirst({
    where: { id: opts.profileId, sellerId: opts.sellerId },
    select: { id: true, zones: { select: { id: true, countries: true, restOfWorld: true } } },
  });
  if (!profile) throw new AppError("not_found", "Shipping profile not found.");
  assertZoneFits(profile.zones, zone);
  return db().shippingZone.create({
    data: { ...zone, countries: zone.restOfWorld ? [] : zone.countries, profileId: profile.id },
    select: { id: true },
  });
}
