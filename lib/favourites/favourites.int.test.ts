// Favourites against the real database: who can change whose, what a seller sees, and the
// alerts for saved listings (back in stock once per restock, price drops with both prices)
// written by the worker's subscribers, respecting preferences.
import { beforeAll, describe, expect, it } from "vitest";

import { updateListing } from "@/lib/catalog/update-listing";
import { db } from "@/lib/db/client";
import { updateStock } from "@/lib/inventory/update-stock";
import { setNotificationPreferences } from "@/lib/notifications/set-notification-preferences";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { runDomainEvents } from "@/test/run-domain-events";

import { countSellerFavourites } from "./count-seller-favourites";
import { listFavouriteIds } from "./list-favourite-ids";
import { listFavourites } from "./list-favourites";
import { setFavourite } from "./set-favourite";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function shop() {
  const { seller, user } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId, priceCents: 2500 });
  return { seller, sellerUser: user, product };
}

const alerts = (userId: string, template: string) =>
  db().notification.findMany({
    where: { userId, template },
    orderBy: [{ channel: "asc" }, { createdAt: "asc" }],
    select: { channel: true, subject: true, body: true, link: true },
  });

describe("favourites", () => {
  it("a buyer saves and removes only their own; a listing not live cannot be saved", async () => {
    const { seller, product } = await shop();
    const [alice, bob] = [await createUser(db()), await createUser(db())];
    await setFavourite({ userId: alice.id, productId: product.id, favourite: true });
    await setFavourite({ userId: alice.id, productId: product.id, favourite: true });
    await setFavourite({ userId: bob.id, productId: product.id, favourite: true });
    expect(await listFavouriteIds(alice.id)).toEqual([product.id]);

    // Bob's removal is keyed on Bob: Alice's favourite stays.
    await setFavourite({ userId: bob.id, productId: product.id, favourite: false });
    expect(await listFavouriteIds(alice.id)).toEqual([product.id]);
    expect(await listFavouriteIds(bob.id)).toEqual([]);
    expect((await listFavourites({ userId: alice.id, page: 1 })).products.map((p) => p.id)).toEqual([product.id]);

    const counts = await countSellerFavourites({ sellerId: seller.id });
    expect(counts.total).toBe(1);
    expect(counts.byProduct.get(product.id)).toBe(1);
    // Another seller's counts never include this listing.
    const other = await shop();
    expect((await countSellerFavourites({ sellerId: other.seller.id, productIds: [product.id] })).total).toBe(0);

    const draft = await db().product.update({ where: { id: other.product.id }, data: { status: "draft" } });
    await expect(setFavourite({ userId: alice.id, productId: draft.id, favourite: true })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db().favourite.count({ where: { productId: draft.id } })).toBe(0);
  });

  it("a saved listing back in stock notifies its savers once per restock, by email and in-app", async () => {
    const { seller, sellerUser, product } = await shop();
    const [saver, quiet, stranger] = [await createUser(db()), await createUser(db()), await createUser(db())];
    await setFavourite({ userId: saver.id, productId: product.id, favourite: true });
    await setFavourite({ userId: quiet.id, productId: product.id, favourite: true });
    // "quiet" keeps email for saved items but turned in-app off.
    await setNotificationPreferences({ userId: quiet.id, enabled: ["favourites:email"] });
    const stock = (count: number) =>
      updateStock({ sellerId: seller.id, actorId: sellerUser.id, productId: product.id, count });

    await stock(0);
    await stock(3);
    await stock(7); // already in stock: not a restock
    await runDomainEvents();
    await runDomainEvents();
    const first = await alerts(saver.id, "back-in-stock");
    expect(first.map((n) => n.channel)).toEqual(["email", "in_app"]);
    expect(first[1]).toMatchObject({ link: `/products/${product.id}` });
    expect(first[1].subject).toContain(product.title);
    expect((await alerts(quiet.id, "back-in-stock")).map((n) => n.channel)).toEqual(["email"]);
    expect(await alerts(stranger.id, "back-in-stock")).toEqual([]);
    expect(
      await db().outboxEvent.count({ where: { aggregateId: product.id, eventType: "product.back_in_stock" } }),
    ).toBe(1);

    // Sold out and restocked again: a second alert.
    await stock(0);
    await stock(2);
    await runDomainEvents();
    expect((await alerts(saver.id, "back-in-stock")).length).toBe(4);
  });

  it("a lowered price tells savers the old and new price; a raise tells nobody", async () => {
    const { seller, sellerUser, product } = await shop();
    const saver = await createUser(db());
    await setFavourite({ userId: saver.id, productId: product.id, favourite: true });
    const edit = (priceCents: number) =>
      updateListing({ sellerId: seller.id, actorId: sellerUser.id, productId: product.id, input: { priceCents } });

    await edit(1800);
    await runDomainEvents();
    const drop = await alerts(saver.id, "price-drop");
    expect(drop.map((n) => n.channel)).toEqual(["email", "in_app"]);
    expect(drop[0].body).toContain("$25.00");
    expect(drop[0].body).toContain("$18.00");
    expect(drop[1].body).toBe("Was $25.00, now $18.00.");

    // Back to live, then a raise: nothing new.
    await db().product.update({ where: { id: product.id }, data: { status: "active" } });
    await edit(3000);
    await runDomainEvents();
    expect((await alerts(saver.id, "price-drop")).length).toBe(2);
  });
});
