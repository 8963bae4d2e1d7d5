import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createReadyUpload, createSeller, createUser } from "@/test/factories";

import { changeListingStatus } from "./change-listing-status";
import { createListing } from "./create-listing";
import { getPublicProduct } from "./get-public-product";
import { moderateListing } from "./moderate-listing";
import type { TCreateListing } from "./product-input";
import { resolveListingCase } from "./resolve-listing-case";
import { setListingSuspension } from "./set-listing-suspension";
import { updateListing } from "./update-listing";

let categoryId: number;
let adminId: string;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function seller(ageDays = 365) {
  const s = await createSeller(db());
  await db().sellerProfile.update({
    where: { id: s.seller.id },
    data: { createdAt: new Date(Date.now() - ageDays * 86_400_000) },
  });
  return s;
}

const jobsFor = (productId: string) =>
  db().$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'moderate-listing' AND data->>'productId' = ${productId}`;

describe("listing lifecycle", () => {
  it("a submitted listing with images passes moderation and goes live with its data", async () => {
    const { seller: s, user } = await seller();
    const uploads = await Promise.all([
      createReadyUpload(db(), user.id),
      createReadyUpload(db(), user.id),
      createReadyUpload(db(), user.id),
    ]);
    const created = await createListing({
      sellerId: s.id,
      actorId: user.id,
      input: {
        title: "  Walnut desk lamp  ",
        description: "Warm light.",
        categoryId,
        priceCents: 4900,
        inventoryCount: 7,
        attributes: { Color: "walnut", material: "wood" },
        images: uploads.map((u) => u.id).reverse(),
      },
    });
    expect(created.status).toBe("pending_review");
    expect((await jobsFor(created.productId))[0].n).toBe(1);
    expect(await getPublicProduct(created.productId)).toBeNull();

    expect(await moderateListing(created.productId)).toBe("activated");
    expect(await moderateListing(created.productId)).toBe("skipped");
    const p = await getPublicProduct(created.productId);
    expect(p).toMatchObject({
      title: "Walnut desk lamp",
      priceCents: 4900,
      inventoryCount: 7,
      inventoryStatus: "in_stock",
      attributes: { color: "walnut", material: "wood" },
    });
    expect(p!.images.map((i) => i.uploadId)).toEqual(uploads.map((u) => u.id).reverse());
    expect(p!.images[0].key).toMatch(/1280\.webp$/);
    const history = await db().inventoryAdjustment.findMany({ where: { productId: created.productId } });
    expect(history).toMatchObject([{ delta: 7, reason: "initial", actorId: user.id }]);
  });

  it("a listing breaking the rules waits for an admin, who rejects it with a reason the seller sees", async () => {
    const { seller: s, user } = await seller();
    const { productId } = await createListing({
      sellerId: s.id,
      actorId: user.id,
      input: { title: "Replica watch", categoryId, priceCents: 1500 },
    });
    expect(await moderateListing(productId)).toBe("case_opened");
    expect(await moderateListing(productId)).toBe("skipped");
    const cases = await db().moderationCase.findMany({ where: { productId } });
    expect(cases).toHaveLength(1);
    expect((cases[0].reasons as { code: string }[]).map((r) => r.code).sort()).toEqual([
      "no_images",
      "prohibited_words",
    ]);
    expect((await db().product.findUniqueOrThrow({ where: { id: productId } })).statusReason).toMatch(
      /manual review.*no images/,
    );

    await expect(
      resolveListingCase({ caseId: cases[0].id, adminId, input: { decision: "reject" } }),
    ).rejects.toMatchObject({ status: 400 });
    await resolveListingCase({
      caseId: cases[0].id,
      adminId,
      input: { decision: "reject", reason: "Replicas are not allowed." },
    });
    expect(await db().product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({
      status: "rejected",
      statusReason: "Replicas are not allowed.",
    });
    await expect(
      resolveListingCase({ caseId: cases[0].id, adminId, input: { decision: "approve" } }),
    ).rejects.toMatchObject({ status: 409 });

    // The seller fixes it and resubmits; an admin approves.
    const upload = await createReadyUpload(db(), user.id);
    await updateListing({
      sellerId: s.id,
      actorId: user.id,
      productId,
      input: { title: "Steel watch", images: [upload.id] },
    });
    expect((await changeListingStatus({ sellerId: s.id, productId, action: "submit" })).status).toBe("pending_review");
    expect(await moderateListing(productId)).toBe("activated");
  });

  it("a new seller pricing far below the category median is held for review", async () => {
    const established = await seller();
    for (const price of [10000, 11000, 12000, 9000, 10500])
      await createProduct(db(), { sellerId: established.seller.id, categoryId, priceCents: price });
    const { seller: s, user } = await seller(2);
    const upload = await createReadyUpload(db(), user.id);
    const { productId } = await createListing({
      sellerId: s.id,
      actorId: user.id,
      input: { title: "Designer bag", categoryId, priceCents: 900, images: [upload.id] },
    });
    expect(await moderateListing(productId)).toBe("case_opened");
    const c = await db().moderationCase.findFirstOrThrow({ where: { productId } });
    expect((c.reasons as { code: string }[])[0].code).toBe("price_far_below_median");
    await resolveListingCase({ caseId: c.id, adminId, input: { decision: "approve" } });
    expect((await getPublicProduct(productId))?.id).toBe(productId);
  });

  it("suspension takes a live listing off the shop; the seller can neither edit nor delete it; reinstating restores it", async () => {
    const { seller: s, user } = await seller();
    const upload = await createReadyUpload(db(), user.id);
    const { productId } = await createListing({
      sellerId: s.id,
      actorId: user.id,
      input: { title: "Garden chair", categoryId, priceCents: 3000, images: [upload.id] },
    });
    await moderateListing(productId);
    await expect(setListingSuspension({ productId, adminId, suspend: true })).rejects.toMatchObject({ status: 400 });
    await setListingSuspension({ productId, adminId, suspend: true, reason: "Reported as unsafe." });
    expect(await getPublicProduct(productId)).toBeNull();
    await expect(
      updateListing({ sellerId: s.id, actorId: user.id, productId, input: { title: "x" } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(changeListingStatus({ sellerId: s.id, productId, action: "archive" })).rejects.toMatchObject({
      status: 409,
    });
    await setListingSuspension({ productId, adminId, suspend: false });
    expect((await getPublicProduct(productId))?.id).toBe(productId);
  });

  it("a material edit of a live listing sends it back to review; a stock edit does not", async () => {
    const { seller: s, user } = await seller();
    const upload = await createReadyUpload(db(), user.id);
    const { productId } = await createListing({
      sellerId: s.id,
      actorId: user.id,
      input: { title: "Mug", categoryId, priceCents: 1200, images: [upload.id] },
    });
    await moderateListing(productId);
    expect(
      (await updateListing({ sellerId: s.id, actorId: user.id, productId, input: { inventoryCount: 30 } })).status,
    ).toBe("active");
    expect(
      (await updateListing({ sellerId: s.id, actorId: user.id, productId, input: { priceCents: 1200 } })).status,
    ).toBe("active");
    expect(
      (await updateListing({ sellerId: s.id, actorId: user.id, productId, input: { priceCents: 1500 } })).status,
    ).toBe("pending_review");
    expect(
      (await db().inventoryAdjustment.findMany({ where: { productId }, orderBy: { createdAt: "asc" } })).map(
        (a) => a.delta,
      ),
    ).toEqual([30]);
  });

  it.each([
    [{ title: "", categoryId: 1, priceCents: 100 }, /Title is required/],
    [{ title: "x".repeat(201), categoryId: 1, priceCents: 100 }, /at most 200/],
    [{ title: "ok", categoryId: 1, priceCents: 0 }, /more than zero/],
    [{ title: "ok", categoryId: 999_999, priceCents: 100 }, /Choose a category from the list/],
    [
      {
        title: "ok",
        categoryId: 1,
        priceCents: 100,
        images: Array.from({ length: 11 }, () => "00000000-0000-4000-8000-000000000000"),
      },
      /At most 10 images/,
    ],
    [{ title: "ok", categoryId: 1, priceCents: 100, currency: "XXX" }, /Currency must be one of/],
  ])("refuses bad input %# with a clear message and stores nothing", async (input, message) => {
    const { seller: s, user } = await seller();
    const fixed = { ...input, categoryId: input.categoryId === 1 ? categoryId : input.categoryId };
    await expect(
      createListing({ sellerId: s.id, actorId: user.id, input: fixed as TCreateListing }),
    ).rejects.toMatchObject({ message });
    expect(await db().product.count({ where: { sellerId: s.id } })).toBe(0);
  });
});

describe("publishing without a payout account", () => {
  it("a seller who has not connected payouts may still submit a listing (their money waits in escrow until they connect)", async () => {
    const { seller: s, user } = await createSeller(db());
    await db().sellerProfile.update({ where: { id: s.id }, data: { payoutsEnabled: false } });
    const { productId } = await createListing({
      sellerId: s.id,
      actorId: user.id,
      input: { title: "Lamp", categoryId, priceCents: 1000 },
    });
    expect((await db().product.findUniqueOrThrow({ where: { id: productId } })).status).toBe("pending_review");
  });
});
