import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createSeller } from "@/test/factories";

import { browseProducts, COUNT_LIMIT, MAX_PAGE, PAGE_SIZE } from "./browse-products";

type Listed = { id: string; publishedAt: Date | null; priceCents: number };

describe("browseProducts", () => {
  let topSlug: string;
  let live: Listed[];
  beforeAll(async () => {
    const top = await createCategory(db());
    const a = await createCategory(db(), { parentPath: top.path, parentId: top.id });
    const b = await createCategory(db(), { parentPath: top.path, parentId: top.id });
    topSlug = top.slug;
    const { seller } = await createSeller(db());
    const { seller: suspended } = await createSeller(db());
    await db().sellerProfile.update({ where: { id: suspended.id }, data: { status: "suspended" } });
    const t0 = Date.UTC(2026, 0, 1);
    // 30 live listings spread over the top category and both children (pages of 24 cross the
    // merge of the three); two share a publication time and a price, so the id breaks the tie.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      sellerId: seller.id,
      categoryId: [top.id, a.id, b.id][i % 3],
      title: `Browse ${i}`,
      priceCents: 1000 + ((i * 7919) % 30) * 100 - (i === 29 ? 100 : 0),
      status: "active" as const,
      publishedAt: new Date(t0 + (i === 29 ? 28 : i) * 60_000),
    }));
    await db().product.createMany({
      data: [
        ...rows,
        { ...rows[0], title: "Draft", status: "draft" as const },
        { ...rows[1], title: "Suspended shop", sellerId: suspended.id },
      ],
    });
    live = await db().product.findMany({
      where: { title: { startsWith: "Browse " }, sellerId: seller.id },
      select: { id: true, publishedAt: true, priceCents: true },
    });
  });

  const byNewest = (x: Listed, y: Listed) =>
    y.publishedAt!.getTime() - x.publishedAt!.getTime() || (x.id < y.id ? -1 : 1);

  it("pages through a category's subtree newest first with no listing twice or missing, only live listings of live shops", async () => {
    const page1 = await browseProducts({ category: topSlug, sort: "newest", page: 1 });
    const page2 = await browseProducts({ category: topSlug, sort: "newest", page: 2 });
    expect(page1.products).toHaveLength(PAGE_SIZE);
    expect([...page1.products, ...page2.products].map((p) => p.id)).toEqual([...live].sort(byNewest).map((p) => p.id));
    expect(page1).toMatchObject({ total: 30, totalExact: true, pageCount: 2 });
  });

  it("sorts by price, either way, ties by id", async () => {
    const asc = await browseProducts({ category: topSlug, sort: "price_asc", page: 1 });
    const desc = await browseProducts({ category: topSlug, sort: "price_desc", page: 2 });
    const byPrice = (dir: 1 | -1) => (x: Listed, y: Listed) =>
      dir * (x.priceCents - y.priceCents) || (x.id < y.id ? -1 : 1);
    expect(asc.products.map((p) => p.id)).toEqual(
      [...live]
        .sort(byPrice(1))
        .slice(0, PAGE_SIZE)
        .map((p) => p.id),
    );
    expect(desc.products.map((p) => p.id)).toEqual(
      [...live]
        .sort(byPrice(-1))
        .slice(PAGE_SIZE)
        .map((p) => p.id),
    );
  });

  it("ranks Top rated by the Bayesian average: two hundred 4.8s above one 5-star review, the unreviewed below, from the index", async () => {
    const cat = await createCategory(db());
    const { seller } = await createSeller(db());
    const make = (title: string, ratingAvg: number, reviewCount: number) =>
      db().product.create({
        data: {
          sellerId: seller.id,
          categoryId: cat.id,
          title,
          priceCents: 1000,
          status: "active",
          publishedAt: new Date(),
          ratingAvg,
          reviewCount,
        },
      });
    const unreviewed = await make("Unreviewed", 0, 0);
    const poor = await make("Poorly rated", 2.2, 30);
    const oneFive = await make("One five-star review", 5, 1);
    const many = await make("Two hundred reviews", 4.8, 200);
    const { products } = await browseProducts({ category: cat.slug, sort: "rating", page: 1 });
    expect(products.map((p) => p.id)).toEqual([many.id, oneFive.id, unreviewed.id, poor.id]);

    // The per-category walk reads the expression index, not a sort of the category's rows.
    // One connection (a transaction) so the planner setting applies to the EXPLAIN; a handful of
    // rows would otherwise be read by a sequential scan whatever the indexes.
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM products p WHERE p.status = 'active' AND p.category_id = ${cat.id}
          ORDER BY listing_rating_score(rating_avg, review_count) DESC, review_count DESC, id ASC LIMIT 24`,
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("products_live_category_rating_idx");
  });

  it("stops counting a big category at COUNT_LIMIT and says the count is a floor", async () => {
    const big = await createCategory(db());
    const { seller } = await createSeller(db());
    await db().product.createMany({
      data: Array.from({ length: COUNT_LIMIT + 1 }, (_, i) => ({
        sellerId: seller.id,
        categoryId: big.id,
        title: `Many ${i}`,
        priceCents: 500,
        status: "active" as const,
        publishedAt: new Date(),
      })),
    });
    const result = await browseProducts({ category: big.slug, sort: "newest", page: MAX_PAGE });
    expect(result).toMatchObject({ total: COUNT_LIMIT, totalExact: false, pageCount: MAX_PAGE });
    expect(result.products).toHaveLength(PAGE_SIZE);
  });

  it("finds nothing in a category that does not exist", async () => {
    expect(await browseProducts({ category: "no-such-category", sort: "newest", page: 1 })).toMatchObject({
      products: [],
      total: 0,
      categoryName: null,
    });
  });
});
