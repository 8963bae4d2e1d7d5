import { describe, expect, it } from "vitest";

import { createListing } from "@/lib/catalog/create-listing";
import { updateListing } from "@/lib/catalog/update-listing";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { addShippingZone } from "./add-shipping-zone";
import { createShippingProfile } from "./create-shipping-profile";
import { deleteShippingProfile } from "./delete-shipping-profile";
import { deleteShippingZone } from "./delete-shipping-zone";
import { renameShippingProfile } from "./rename-shipping-profile";
import { setDefaultShippingProfile } from "./set-default-shipping-profile";
import { updateShippingZone } from "./update-shipping-zone";

const zone = {
  countries: "DE, FR",
  firstItemCents: "1500",
  additionalItemCents: "400",
  freeOverCents: null,
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

/** Every shipping row of a shop, to show a refusal wrote nothing. */
async function snapshot(sellerId: string) {
  return db().shippingProfile.findMany({
    where: { sellerId },
    orderBy: { id: "asc" },
    include: { zones: { orderBy: { id: "asc" } } },
  });
}

async function shopWithProfiles() {
  const { seller, user } = await createSeller(db());
  const standard = await db().shippingProfile.findFirstOrThrow({
    where: { sellerId: seller.id },
    include: { zones: true },
  });
  const parcels = await createShippingProfile({ sellerId: seller.id, input: { name: "Parcels", currency: "USD" } });
  const { id: zoneId } = await addShippingZone({ sellerId: seller.id, profileId: parcels.id, input: zone });
  return { seller, user, standard, parcelsId: parcels.id, zoneId };
}

describe("shipping profiles", () => {
  it("a seller creates, renames, makes default and deletes their own profiles", async () => {
    const { seller, standard, parcelsId } = await shopWithProfiles();
    expect(await db().shippingProfile.findUniqueOrThrow({ where: { id: parcelsId } })).toMatchObject({
      name: "Parcels",
      currency: "USD",
      isDefault: false,
    });
    await renameShippingProfile({ sellerId: seller.id, profileId: parcelsId, input: { name: "Big parcels" } });
    await setDefaultShippingProfile({ sellerId: seller.id, profileId: parcelsId });
    const after = await snapshot(seller.id);
    expect(after.map((p) => [p.name, p.isDefault]).sort()).toEqual([
      ["Big parcels", true],
      ["Standard", false],
    ]);
    await deleteShippingProfile({ sellerId: seller.id, profileId: standard.id });
    expect((await snapshot(seller.id)).map((p) => p.name)).toEqual(["Big parcels"]);
  });

  it("refuses to delete the default or a profile a listing uses, saying why", async () => {
    const { seller, standard, parcelsId } = await shopWithProfiles();
    const category = await createCategory(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: category.id });
    await db().product.update({ where: { id: product.id }, data: { shippingProfileId: parcelsId } });
    const before = await snapshot(seller.id);
    expect(await refusal(deleteShippingProfile({ sellerId: seller.id, profileId: parcelsId }))).toEqual({
      status: 409,
      fields: undefined,
      message: "1 listing uses Parcels; choose another profile for it first.",
    });
    expect(await refusal(deleteShippingProfile({ sellerId: seller.id, profileId: standard.id }))).toMatchObject({
      status: 409,
      message: "Standard is your shop's default; make another profile the default first.",
    });
    expect(await snapshot(seller.id)).toEqual(before);
  });

  it("refuses a profile in a currency the shop does not sell in, or without a name, writing nothing", async () => {
    const { seller } = await createSeller(db());
    const before = await snapshot(seller.id);
    expect(
      await refusal(createShippingProfile({ sellerId: seller.id, input: { name: "Euro parcels", currency: "EUR" } })),
    ).toMatchObject({ status: 400, message: "Your shop sells in USD; shipping rates must be in it." });
    expect(
      await refusal(createShippingProfile({ sellerId: seller.id, input: { name: "Yen", currency: "JPY" } })),
    ).toMatchObject({ status: 400 });
    expect(
      await refusal(createShippingProfile({ sellerId: seller.id, input: { name: " ", currency: "USD" } })),
    ).toMatchObject({ status: 400, fields: { name: "Give the profile a name, like Parcels." } });
    expect(await snapshot(seller.id)).toEqual(before);
    // Once the shop prices a listing in EUR, a EUR profile is one it can charge.
    const category = await createCategory(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId: category.id });
    await db().product.update({ where: { id: product.id }, data: { currency: "EUR" } });
    await createShippingProfile({ sellerId: seller.id, input: { name: "Euro parcels", currency: "EUR" } });
  });
});

describe("shipping zones", () => {
  it("a seller edits a zone's countries, rates and days, and deletes it", async () => {
    const { seller, zoneId } = await shopWithProfiles();
    await updateShippingZone({
      sellerId: seller.id,
      zoneId,
      input: { ...zone, countries: "de at", firstItemCents: "900", freeOverCents: "5000", transitDaysMax: "6" },
    });
    expect(await db().shippingZone.findUniqueOrThrow({ where: { id: zoneId } })).toMatchObject({
      countries: ["DE", "AT"],
      firstItemCents: 900,
      additionalItemCents: 400,
      freeOverCents: 5000,
      transitDaysMax: 6,
    });
    await deleteShippingZone({ sellerId: seller.id, zoneId });
    expect(await db().shippingZone.findUnique({ where: { id: zoneId } })).toBeNull();
  });

  it("refuses each bad edit with the field's message and changes nothing", async () => {
    const { seller, zoneId } = await shopWithProfiles();
    const before = await snapshot(seller.id);
    const edit = (input: object) =>
      refusal(updateShippingZone({ sellerId: seller.id, zoneId, input: { ...zone, ...input } }));
    expect(await edit({ firstItemCents: "-1" })).toMatchObject({
      status: 400,
      fields: { firstItemCents: "The first item's rate cannot be negative." },
    });
    expect(await edit({ additionalItemCents: "-5" })).toMatchObject({
      status: 400,
      fields: { additionalItemCents: expect.any(String) },
    });
    expect(await edit({ freeOverCents: "-5" })).toMatchObject({
      status: 400,
      fields: { freeOverCents: expect.any(String) },
    });
    expect(await edit({ countries: "" })).toMatchObject({
      status: 400,
      fields: { countries: 'A zone needs at least one country, or choose "everywhere else".' },
    });
    expect(await edit({ countries: "DE, XX, QQ" })).toMatchObject({
      status: 400,
      fields: { countries: "XX, QQ are not country codes (ISO 3166, like DE for Germany)." },
    });
    expect(await edit({ countries: "EU" })).toMatchObject({
      fields: { countries: "EU is not a country code (ISO 3166, like DE for Germany)." },
    });
    expect(await edit({ transitDaysMin: "9", transitDaysMax: "8" })).toMatchObject({
      status: 400,
      fields: { transitDaysMax: "Transit days: the first number cannot be more than the second." },
    });
    expect(await edit({ handlingDaysMin: "3", handlingDaysMax: "2" })).toMatchObject({
      fields: { handlingDaysMax: "Handling days: the first number cannot be more than the second." },
    });
    expect(await snapshot(seller.id)).toEqual(before);
  });

  it("refuses an edit that would serve a country from two zones", async () => {
    const { seller, parcelsId, zoneId } = await shopWithProfiles();
    await addShippingZone({ sellerId: seller.id, profileId: parcelsId, input: { ...zone, countries: "US" } });
    const before = await snapshot(seller.id);
    expect(
      await refusal(updateShippingZone({ sellerId: seller.id, zoneId, input: { ...zone, countries: "DE, US" } })),
    ).toMatchObject({ status: 409, message: "US already has a zone in this profile." });
    expect(await snapshot(seller.id)).toEqual(before);
  });
});

describe("another shop's profiles", () => {
  it("seller B cannot rename, default, delete or edit seller A's profiles and zones: not found, nothing changed", async () => {
    const a = await shopWithProfiles();
    const b = await createSeller(db());
    const before = await snapshot(a.seller.id);
    const asB = { sellerId: b.seller.id };
    const tries = [
      () => renameShippingProfile({ ...asB, profileId: a.parcelsId, input: { name: "Mine now" } }),
      () => setDefaultShippingProfile({ ...asB, profileId: a.parcelsId }),
      () => deleteShippingProfile({ ...asB, profileId: a.parcelsId }),
      () => addShippingZone({ ...asB, profileId: a.parcelsId, input: { ...zone, countries: "JP" } }),
      () => updateShippingZone({ ...asB, zoneId: a.zoneId, input: { ...zone, firstItemCents: "0" } }),
      () => deleteShippingZone({ ...asB, zoneId: a.zoneId }),
    ];
    for (const t of tries) expect(await refusal(t())).toMatchObject({ status: 404 });
    expect(await snapshot(a.seller.id)).toEqual(before);
    // B's own default is untouched by the attempt to make A's profile B's default.
    expect((await snapshot(b.seller.id)).filter((p) => p.isDefault)).toHaveLength(1);
  });
});

describe("a listing's shipping profile", () => {
  it("is stored on the listing; another shop's profile or one in another currency is refused", async () => {
    const a = await shopWithProfiles();
    const b = await shopWithProfiles();
    const category = await createCategory(db());
    const base = { title: "Lamp", categoryId: category.id, priceCents: 2500, draft: true };
    const { productId } = await createListing({
      sellerId: a.seller.id,
      actorId: a.user.id,
      input: { ...base, shippingProfileId: a.parcelsId },
    });
    expect((await db().product.findUniqueOrThrow({ where: { id: productId } })).shippingProfileId).toBe(a.parcelsId);

    const count = await db().product.count({ where: { sellerId: a.seller.id } });
    expect(
      await refusal(
        createListing({
          sellerId: a.seller.id,
          actorId: a.user.id,
          input: { ...base, shippingProfileId: b.parcelsId },
        }),
      ),
    ).toMatchObject({ status: 400, fields: { shippingProfileId: "Choose one of your shipping profiles." } });
    expect(
      await refusal(
        createListing({
          sellerId: a.seller.id,
          actorId: a.user.id,
          input: { ...base, currency: "EUR", shippingProfileId: a.parcelsId },
        }),
      ),
    ).toMatchObject({ status: 400, message: "Parcels charges shipping in USD; this listing is priced in EUR." });
    expect(await db().product.count({ where: { sellerId: a.seller.id } })).toBe(count);

    // Changing only the price's currency is checked against the profile the listing keeps.
    expect(
      await refusal(
        updateListing({ sellerId: a.seller.id, actorId: a.user.id, productId, input: { currency: "GBP" } }),
      ),
    ).toMatchObject({ status: 400 });
    await updateListing({ sellerId: a.seller.id, actorId: a.user.id, productId, input: { shippingProfileId: null } });
    expect((await db().product.findUniqueOrThrow({ where: { id: productId } })).shippingProfileId).toBeNull();
  });
});
