import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { deliveryRange } from "./delivery-range";
import { quoteShopShipping, type ShippingLine } from "./quote-shop-shipping";
import type { ProfileRules, ZoneRule } from "./shipping-rules";

const zone = (z: Partial<ZoneRule>): ZoneRule => ({
  countries: [],
  restOfWorld: false,
  firstItemCents: 0,
  additionalItemCents: 0,
  freeOverCents: null,
  handlingDaysMin: 1,
  handlingDaysMax: 2,
  transitDaysMin: 2,
  transitDaysMax: 4,
  ...z,
});

const parcels: ProfileRules = {
  id: "p1",
  name: "Parcels",
  zones: [
    zone({ countries: ["US"], firstItemCents: 500, additionalItemCents: 200, freeOverCents: 10_000 }),
    zone({ countries: ["DE", "FR"], firstItemCents: 1500, additionalItemCents: 500, transitDaysMax: 9 }),
    zone({ restOfWorld: true, firstItemCents: 2500, additionalItemCents: 1000 }),
  ],
};
const letters: ProfileRules = { id: "p2", name: "Letters", zones: [zone({ countries: ["US"], firstItemCents: 100 })] };

const charged = (q: ReturnType<typeof quoteShopShipping>) => (q.ships ? q.shippingCents : null);

describe("quoteShopShipping", () => {
  it("charges the first item and each additional one by the destination's zone", () => {
    expect(charged(quoteShopShipping([{ profile: parcels, quantity: 3, amountCents: 3000 }], "US"))).toBe(900);
    expect(charged(quoteShopShipping([{ profile: parcels, quantity: 1, amountCents: 1000 }], "de"))).toBe(1500);
    expect(charged(quoteShopShipping([{ profile: parcels, quantity: 2, amountCents: 1000 }], "JP"))).toBe(3500);
  });

  it("ships free once the profile's items reach the threshold", () => {
    expect(charged(quoteShopShipping([{ profile: parcels, quantity: 2, amountCents: 10_000 }], "US"))).toBe(0);
    expect(charged(quoteShopShipping([{ profile: parcels, quantity: 2, amountCents: 9_999 }], "US"))).toBe(700);
  });

  it("charges each profile on its own and sums, and waits for the slowest", () => {
    const q = quoteShopShipping(
      [
        { profile: parcels, quantity: 1, amountCents: 1000 },
        { profile: letters, quantity: 4, amountCents: 400 },
        { profile: parcels, quantity: 1, amountCents: 1000 },
      ],
      "US",
    );
    expect(q).toEqual({
      ships: true,
      shippingCents: 700 + 100,
      handlingDays: { min: 1, max: 2 },
      transitDays: { min: 2, max: 4 },
    });
  });

  it("names the profile that does not ship to the country", () => {
    const q = quoteShopShipping(
      [
        { profile: parcels, quantity: 1, amountCents: 1000 },
        { profile: letters, quantity: 1, amountCents: 100 },
      ],
      "DE",
    );
    expect(q).toEqual({ ships: false, profileName: "Letters" });
  });

  const arbZone = fc.record({
    countries: fc.constantFrom<string[]>(["US"], ["DE", "FR"], ["GB"]),
    restOfWorld: fc.boolean(),
    firstItemCents: fc.integer({ min: 0, max: 50_000 }),
    additionalItemCents: fc.integer({ min: 0, max: 50_000 }),
    freeOverCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    handlingDaysMin: fc.integer({ min: 0, max: 5 }),
    handlingDaysMax: fc.integer({ min: 5, max: 10 }),
    transitDaysMin: fc.integer({ min: 0, max: 5 }),
    transitDaysMax: fc.integer({ min: 5, max: 30 }),
  });
  const arbProfile = (id: string) =>
    fc.record({ id: fc.constant(id), name: fc.constant(id), zones: fc.array(arbZone, { minLength: 1, maxLength: 3 }) });
  const arbLines = fc.tuple(arbProfile("a"), arbProfile("b")).chain(([a, b]) =>
    fc.array(
      fc.record({
        profile: fc.constantFrom(a, b),
        quantity: fc.integer({ min: 1, max: 20 }),
        amountCents: fc.integer({ min: 0, max: 200_000 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  );
  const arbCountry = fc.constantFrom("US", "DE", "GB", "JP");

  it("is never negative, nor more than every item at the dearest first-item rate", () => {
    fc.assert(
      fc.property(arbLines, arbCountry, (lines, country) => {
        const q = quoteShopShipping(lines, country);
        if (!q.ships) return true;
        const items = lines.reduce((s, l) => s + l.quantity, 0);
        const dearest = Math.max(
          ...lines.flatMap((l) => l.profile.zones.map((z) => Math.max(z.firstItemCents, z.additionalItemCents))),
        );
        return Number.isInteger(q.shippingCents) && q.shippingCents >= 0 && q.shippingCents <= items * dearest;
      }),
    );
  });

  it("is free whenever every profile's items reach their zone's threshold", () => {
    fc.assert(
      fc.property(arbLines, arbCountry, (lines, country) => {
        const free = lines.map((l) => ({
          ...l,
          profile: { ...l.profile, zones: l.profile.zones.map((z) => ({ ...z, freeOverCents: 0 })) },
        }));
        const q = quoteShopShipping(free, country);
        return !q.ships || q.shippingCents === 0;
      }),
    );
  });

  it("never falls when a line's quantity grows and no threshold is crossed", () => {
    fc.assert(
      fc.property(arbLines, arbCountry, fc.integer({ min: 1, max: 10 }), (lines, country, more) => {
        const noThreshold = lines.map((l) => ({
          ...l,
          profile: { ...l.profile, zones: l.profile.zones.map((z) => ({ ...z, freeOverCents: null })) },
        }));
        const grown: ShippingLine[] = noThreshold.map((l, i) => (i === 0 ? { ...l, quantity: l.quantity + more } : l));
        const before = quoteShopShipping(noThreshold, country);
        const after = quoteShopShipping(grown, country);
        expect(after.ships).toBe(before.ships);
        return !before.ships || !after.ships || after.shippingCents >= before.shippingCents;
      }),
    );
  });
});

describe("deliveryRange", () => {
  it("adds handling and transit days to the order's day", () => {
    expect(deliveryRange(new Date("2026-12-03T23:30:00Z"), { min: 1, max: 2 }, { min: 2, max: 4 })).toEqual({
      earliest: "2026-12-06",
      latest: "2026-12-09",
    });
  });
  it("never ends before it starts", () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(10), fc.nat(30), fc.nat(30), (h1, h2, t1, t2) => {
        const r = deliveryRange(
          new Date(),
          { min: Math.min(h1, h2), max: Math.max(h1, h2) },
          { min: Math.min(t1, t2), max: Math.max(t1, t2) },
        );
        return r.earliest <= r.latest;
      }),
    );
  });
});
