import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { setInventoryCount } from "@/lib/inventory/set-inventory-count";
import { createCategory, createReadyUpload, createSeller } from "@/test/factories";

import { assertOwnSeller } from "./assert-own-seller";
import { changeListingStatus } from "./change-listing-status";
import { createListing } from "./create-listing";
import { getSellerListing } from "./get-seller-listing";
import { listSellerListings } from "./list-seller-listings";
import { updateListing } from "./update-listing";

// Seller B tries everything on seller A's listing: every attempt is refused and nothing changes.
describe("a seller reads and changes only their own listings", () => {
  let a: Awaited<ReturnType<typeof createSeller>>;
  let b: Awaited<ReturnType<typeof createSeller>>;
  let productId: string;
  let snapshot: unknown;
  beforeAll(async () => {
    const categoryId = (await createCategory(db())).id;
    a = await createSeller(db());
    b = await createSeller(db());
    const upload = await createReadyUpload(db(), a.user.id);
    productId = (
      await createListing({
        sellerId: a.seller.id,
        actorId: a.user.id,
        input: { title: "A's lamp", categoryId, priceCents: 2500, inventoryCount: 4, images: [upload.id], draft: true },
      })
    ).productId;
    snapshot = await db().product.findUniqueOrThrow({
      where: { id: productId },
      include: { images: true, attributes: true },
    });
  });

  const attempts: [string, () => Promise<unknown>][] = [
    ["read", () => getSellerListing({ sellerId: b.seller.id, productId })],
    [
      "edit",
      () => updateListing({ sellerId: b.seller.id, actorId: b.user.id, productId, input: { title: "B was here" } }),
    ],
    [
      "edit stock",
      () => updateListing({ sellerId: b.seller.id, actorId: b.user.id, productId, input: { inventoryCount: 0 } }),
    ],
    ["submit", () => changeListingStatus({ sellerId: b.seller.id, productId, action: "submit" })],
    ["withdraw", () => changeListingStatus({ sellerId: b.seller.id, productId, action: "withdraw" })],
    ["delete", () => changeListingStatus({ sellerId: b.seller.id, productId, action: "archive" })],
    [
      "set stock",
      () =>
        db().$transaction((tx) =>
          setInventoryCount(tx, { productId, sellerId: b.seller.id, count: 99, reason: "manual", actorId: b.user.id }),
        ),
    ],
  ];

  it.each(attempts)("B cannot %s A's listing (404)", async (_name, attempt) => {
    await expect(attempt()).rejects.toMatchObject({ status: 404 });
    expect(
      await db().product.findUniqueOrThrow({ where: { id: productId }, include: { images: true, attributes: true } }),
    ).toEqual(snapshot);
  });

  it("B's listing list does not include A's listing", async () => {
    expect((await listSellerListings({ sellerId: b.seller.id })).rows.map((r) => r.id)).not.toContain(productId);
    expect((await listSellerListings({ sellerId: a.seller.id })).rows.map((r) => r.id)).toContain(productId);
  });

  it("B cannot attach A's uploaded image to B's own listing", async () => {
    const aUpload = await createReadyUpload(db(), a.user.id);
    const categoryId = (await createCategory(db())).id;
    await expect(
      createListing({
        sellerId: b.seller.id,
        actorId: b.user.id,
        input: { title: "B's", categoryId, priceCents: 100, images: [aUpload.id] },
      }),
    ).rejects.toMatchObject({ message: /not found among your uploads/ });
    expect(await db().product.count({ where: { sellerId: b.seller.id } })).toBe(0);
  });

  it("the API refuses another seller's id in the path (403) and non-sellers", () => {
    const userB = {
      id: b.user.id,
      email: b.user.email,
      name: null,
      role: "seller" as const,
      sellerId: b.seller.id,
      shopName: "B",
      sessionId: randomUUID(),
      twoFactorEnabled: false,
    };
    expect(() => assertOwnSeller(userB, a.seller.id)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertOwnSeller({ ...userB, sellerId: null }, a.seller.id)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(assertOwnSeller(userB, b.seller.id)).toBe(b.seller.id);
  });
});
