import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller } from "@/test/factories";

import { findUnavailableProduct } from "./find-unavailable-product";
import { listPopularCategories } from "./list-popular-categories";

describe("a listing's page once it isn't live", () => {
  it("says gone or paused for a listing that was published, and nothing for one never published or still live", async () => {
    const [{ seller }, category] = await Promise.all([createSeller(db()), createCategory(db())]);
    const make = async (data: { status: "active" | "archived" | "pending_review" | "draft"; published: boolean }) => {
      const p = await createProduct(db(), { sellerId: seller.id, categoryId: category.id });
      await db().product.update({
        where: { id: p.id },
        data: { status: data.status, publishedAt: data.published ? new Date() : null },
      });
      return p.id;
    };
    const live = await make({ status: "active", published: true });
    const archived = await make({ status: "archived", published: true });
    const editedBackInReview = await make({ status: "pending_review", published: true });
    const neverPublished = await make({ status: "draft", published: false });

    expect(await findUnavailableProduct(live)).toBeNull();
    expect(await findUnavailableProduct(neverPublished)).toBeNull();
    expect(await findUnavailableProduct("not-a-uuid")).toBeNull();
    expect(await findUnavailableProduct(archived)).toEqual({
      reason: "gone",
      category: { name: category.name, path: category.path },
    });
    expect(await findUnavailableProduct(editedBackInReview)).toMatchObject({ reason: "paused" });

    // A closed shop's live listing is gone too.
    await db().sellerProfile.update({ where: { id: seller.id }, data: { status: "suspended" } });
    expect(await findUnavailableProduct(live)).toMatchObject({ reason: "gone" });
  });

  it("ranks top-level categories by their subtree's live listings", async () => {
    const [{ seller }, big, small] = await Promise.all([
      createSeller(db()),
      createCategory(db()),
      createCategory(db()),
    ]);
    const child = await createCategory(db(), { parentPath: big.path, parentId: big.id });
    await Promise.all([
      createProduct(db(), { sellerId: seller.id, categoryId: child.id }),
      createProduct(db(), { sellerId: seller.id, categoryId: child.id }),
      createProduct(db(), { sellerId: seller.id, categoryId: small.id }),
    ]);
    const ranked = await listPopularCategories(100);
    const at = (path: string) => ranked.findIndex((c) => c.path === path);
    expect(ranked[at(big.path)]).toMatchObject({ name: big.name, liveListings: 2 });
    expect(ranked[at(small.path)]).toMatchObject({ liveListings: 1 });
    expect(at(big.path)).toBeLessThan(at(small.path));
    expect(at(child.path)).toBe(-1);
  });
});
