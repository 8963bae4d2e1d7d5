import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createSeller } from "@/test/factories";

import { addShippingZone } from "./add-shipping-zone";

const zone = {
  countries: "de, FR",
  firstItemCents: "1500",
  additionalItemCents: "400",
  handlingDaysMin: "1",
  handlingDaysMax: "2",
  transitDaysMin: "4",
  transitDaysMax: "8",
};

async function refusal(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  if (!isAppError(err)) throw new Error(`expected a refusal, got ${String(err)}`);
  return {
    status: err.status,
    fields: (err.details as { fields?: Record<string, string> } | undefined)?.fields,
    message: err.message,
  };
}

describe("addShippingZone", () => {
  it("adds a zone to the seller's own profile, countries upper-cased", async () => {
    const { seller } = await createSeller(db());
    const profile = await db().shippingProfile.findFirstOrThrow({ where: { sellerId: seller.id } });
    const { id } = await addShippingZone({ sellerId: seller.id, profileId: profile.id, input: zone });
    expect(await db().shippingZone.findUniqueOrThrow({ where: { id } })).toMatchObject({
      countries: ["DE", "FR"],
      firstItemCents: 1500,
      additionalItemCents: 400,
      freeOverCents: null,
    });
  });

  it("refuses negative rates, a zone with no countries and days out of order, writing nothing", async () => {
    const { seller } = await createSeller(db());
    const profile = await db().shippingProfile.findFirstOrThrow({ where: { sellerId: seller.id } });
    const add = (input: object) =>
      addShippingZone({ sellerId: seller.id, profileId: profile.id, input: { ...zone, ...input } });
    expect(await refusal(add({ firstItemCents: "-100" }))).toMatchObject({
      status: 400,
      fields: { firstItemCents: "The first item's rate cannot be negative." },
    });
    expect(await refusal(add({ countries: " , " }))).toMatchObject({
      status: 400,
      fields: { countries: 'A zone needs at least one country, or choose "everywhere else".' },
    });
    expect(await refusal(add({ transitDaysMin: "9" }))).toMatchObject({
      fields: { transitDaysMax: "Transit days: the first number cannot be more than the second." },
    });
    expect(await refusal(add({ countries: "Germany" }))).toMatchObject({
      fields: { countries: "Countries must be two-letter codes, like DE, FR." },
    });
    expect(await db().shippingZone.count({ where: { profileId: profile.id } })).toBe(1);
  });

  it("does not find another shop's profile", async () => {
    const [a, b] = [await createSeller(db()), await createSeller(db())];
    const theirs = await db().shippingProfile.findFirstOrThrow({ where: { sellerId: b.seller.id } });
    expect(await refusal(addShippingZone({ sellerId: a.seller.id, profileId: theirs.id, input: zone }))).toMatchObject({
      status: 404,
    });
    expect(await db().shippingZone.count({ where: { profileId: theirs.id } })).toBe(1);
  });
});
