import type { DaysRange, ProfileRules } from "./shipping-rules";
import { zoneForCountry } from "./zone-for-country";

export type ShippingLine = { profile: ProfileRules; quantity: number; amountCents: number };

export type ShopShippingQuote =
  | { ships: true; shippingCents: number; handlingDays: DaysRange; transitDays: DaysRange }
  | { ships: false; profileName: string };

/**
 * One shop's shipping for its cart lines to a country. Lines are grouped by shipping profile
 * and each profile is charged on its own, then the charges are summed: a profile's first item
 * pays its zone's first-item rate, every further item (of any of its lines) the additional
 * rate, and nothing when that profile's item subtotal reaches the zone's free-over amount.
 * Summing per profile is the rule sellers can predict from their own settings (a bulky
 * item's profile never discounts a letter's, nor the reverse). The parcel arrives when the
 * slowest profile's does, so handling and transit are the largest of the groups'.
 * A country one of the profiles does not serve makes the shop not ship there at all.
 */
export function quoteShopShipping(lines: ShippingLine[], country: string): ShopShippingQuote {
  const groups = new Map<string, { profile: ProfileRules; quantity: number; amountCents: number }>();
  for (const line of lines) {
    const g = groups.get(line.profile.id) ?? { profile: line.profile, quantity: 0, amountCents: 0 };
    g.quantity += line.quantity;
    g.amountCents += line.amountCents;
    groups.set(line.profile.id, g);
  }
  let shippingCents = 0;
  const handlingDays = { min: 0, max: 0 };
  const transitDays = { min: 0, max: 0 };
  for (const g of [...groups.values()]) {
    if (g.quantity <= 0) continue;
    const zone = zoneForCountry(g.profile, country);
    if (!zone) return { ships: false, profileName: g.profile.name };
    const free = zone.freeOverCents !== null && g.amountCents >= zone.freeOverCents;
    if (!free) shippingCents += zone.firstItemCents + (g.quantity - 1) * zone.additionalItemCents;
    handlingDays.min = Math.max(handlingDays.min, zone.handlingDaysMin);
    handlingDays.max = Math.max(handlingDays.max, zone.handlingDaysMax);
    transitDays.min = Math.max(transitDays.min, zone.transitDaysMin);
    transitDays.max = Math.max(transitDays.max, zone.transitDaysMax);
  }
  return { ships: true, shippingCents, handlingDays, transitDays };
}
