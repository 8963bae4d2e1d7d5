import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { assertZoneFits } from "./assert-zone-fits";
import { ShippingZoneInput } from "./shipping-zone-input";

/**
 * Replaces a zone's countries, rates and days, on one of the seller's own profiles (the owner
 * is in the query: another shop's zone is not found). Orders already placed keep what they paid.
 */
export async function updateShippingZone(opts: { sellerId: string; zoneId: string; input: unknown }) {
  const zone = parseInput(ShippingZoneInput, opts.input);
  const current = await db().shippingZone.findFirst({
    where: { id: opts.zoneId, profile: { sellerId: opts.sellerId } },
    select: { id: true, profile: { select: { zones: { select: { id: true, countries: true, restOfWorld: true } } } } },
  });
  if (!current) throw new AppError("not_found", "Shipping zone not found.");
  assertZoneFits(
    current.profile.zones.filter((z) => z.id !== current.id),
    zone,
  );
  const { count } = await db().shippingZone.updateMany({
    where: { id: current.id, profile: { sellerId: opts.sellerId } },
    data: { ...zone, countries: zone.restOfWorld ? [] : zone.countries },
  });
  if (count === 0) throw new AppError("not_found", "Shipping zone not found.");
  return { id: current.id };
}
