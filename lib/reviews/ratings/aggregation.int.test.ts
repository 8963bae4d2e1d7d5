import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getPublicProduct } from "@/lib/catalog/get-public-product";
import { db } from "@/lib/db/client";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";
import { startWorker } from "@/worker/start-worker";

import { reportReview } from "../moderate/report-review";
import { resolveReviewCase } from "../moderate/resolve-review-case";
import { createReview } from "../write/create-review";
import { editReview } from "../write/edit-review";
import { aggregateReviews } from "./aggregate-reviews";
import { recomputeAllRatings } from "./recompute-all-ratings";

let categoryId: number;
let adminId: string;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function shop() {
  const { seller } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  return { sellerId: seller.id, productId: product.id };
}

/** A new buyer with a delivered order of the product reviews it with `rating`. */
async function review(s: { sellerId: string; productId: string }, rating: number) {
  const buyer = await createUser(db());
  const order = await createOrder(db(), { buyerId: buyer.id, sellerId: s.sellerId, productIds: [s.productId] });
  const { reviewId } = await createReview({
    buyerId: buyer.id,
    orderId: order.id,
    input: { rating, title: `${rating} stars` },
  });
  return { reviewId, buyerId: buyer.id };
}

const ratings = async (s: { sellerId: string; productId: string }) => {
  const p = await db().product.findUniqueOrThrow({
    where: { id: s.productId },
    select: { ratingAvg: true, reviewCount: true, ratingHistogram: true, updatedAt: true },
  });
  const seller = await db().sellerProfile.findUniqueOrThrow({
    where: { id: s.sellerId },
    select: { ratingAvg: true, ratingCount: true },
  });
  return {
    avg: p.ratingAvg,
    count: p.reviewCount,
    histogram: p.ratingHistogram,
    updatedAt: p.updatedAt,
    seller: { avg: seller.ratingAvg, count: seller.ratingCount },
  };
};

async function hide(reviewId: string) {
  const reporter = await createUser(db());
  const { caseId } = await reportReview({
    reporterId: reporter.id,
    reviewId,
    input: { reason: "Not about this product" },
  });
  await resolveReviewCase({ caseId, adminId, input: { decision: "hide" } });
}

describe("rating aggregation", () => {
  it("5, 4, 1 → 3.33 with histogram [1,0,0,1,1]; editing the 1 to a 3 → 4.0; hiding the 5 → 3.5; the product page and the seller follow", async () => {
    const s = await shop();
    const five = await review(s, 5);
    await review(s, 4);
    const one = await review(s, 1);
    expect(await ratings(s)).toMatchObject({ avg: 0, count: 0, histogram: [0, 0, 0, 0, 0] });

    await aggregateReviews(s);
    expect(await ratings(s)).toMatchObject({
      avg: 3.33,
      count: 3,
      histogram: [1, 0, 0, 1, 1],
      seller: { avg: 3.33, count: 3 },
    });
    expect(await getPublicProduct(s.productId)).toMatchObject({
      ratingAvg: 3.33,
      reviewCount: 3,
      ratingHistogram: [1, 0, 0, 1, 1],
    });

    await editReview({ buyerId: one.buyerId, reviewId: one.reviewId, input: { rating: 3 } });
    await aggregateReviews(s);
    expect(await ratings(s)).toMatchObject({
      avg: 4,
      count: 3,
      histogram: [0, 0, 1, 1, 1],
      seller: { avg: 4, count: 3 },
    });

    await hide(five.reviewId);
    await aggregateReviews(s);
    expect(await ratings(s)).toMatchObject({
      avg: 3.5,
      count: 2,
      histogram: [0, 0, 1, 1, 0],
      seller: { avg: 3.5, count: 2 },
    });
    expect(await getPublicProduct(s.productId)).toMatchObject({ ratingAvg: 3.5, reviewCount: 2 });
  });

  it("the seller's rating spans all their products and only visible reviews", async () => {
    const s = await shop();
    const second = {
      sellerId: s.sellerId,
      productId: (await createProduct(db(), { sellerId: s.sellerId, categoryId })).id,
    };
    await review(s, 5);
    await review(second, 2);
    const hidden = await review(second, 1);
    await hide(hidden.reviewId);
    await aggregateReviews(s);
    await aggregateReviews(second);
    expect((await ratings(s)).seller).toEqual({ avg: 3.5, count: 2 });
    expect(await ratings(second)).toMatchObject({ avg: 2, count: 1, histogram: [0, 1, 0, 0, 0] });
  });

  it("is idempotent: a second run changes nothing (not even updated_at), and eight concurrent runs agree", async () => {
    const s = await shop();
    for (const r of [5, 5, 4, 2]) await review(s, r);
    const first = await aggregateReviews(s);
    expect(first.product).toMatchObject({ avg: 4, count: 4, changed: true });
    const after = await ratings(s);
    const again = await aggregateReviews(s);
    expect(again.product).toMatchObject({ avg: 4, count: 4, changed: false });
    expect(again.seller).toMatchObject({ changed: false });
    expect(await ratings(s)).toEqual(after);

    await db().product.update({
      where: { id: s.productId },
      data: { ratingAvg: 0, reviewCount: 0, ratingHistogram: [0, 0, 0, 0, 0] },
    });
    const runs = await Promise.all(Array.from({ length: 8 }, () => aggregateReviews(s)));
    expect(runs.filter((r) => r.product?.changed)).toHaveLength(1);
    for (const r of runs) expect(r.product).toMatchObject({ avg: 4, count: 4, histogram: [0, 1, 0, 1, 2] });
    expect(await ratings(s)).toMatchObject({
      avg: 4,
      count: 4,
      histogram: [0, 1, 0, 1, 2],
      seller: { avg: 4, count: 4 },
    });
  });

  it("reviews posted while jobs run: once every job has run, the numbers match the reviews", async () => {
    const s = await shop();
    const stars = [1, 2, 3, 4, 5, 5, 4, 3, 5, 5, 1, 4];
    await Promise.all(
      stars.map(async (r) => {
        await review(s, r);
        await aggregateReviews(s);
      }),
    );
    const sum = stars.reduce((a, b) => a + b, 0);
    expect(await ratings(s)).toMatchObject({
      avg: Math.round((sum / stars.length) * 100) / 100,
      count: stars.length,
      histogram: [2, 1, 2, 3, 4],
    });
  });

  it("a product or seller that does not exist is skipped", async () => {
    expect(
      await aggregateReviews({
        productId: "00000000-0000-4000-8000-000000000000",
        sellerId: "00000000-0000-4000-8000-000000000000",
      }),
    ).toEqual({ product: null, seller: null });
  });

  it("the full recompute repairs drifted numbers and a second run finds nothing to fix", async () => {
    const s = await shop();
    await review(s, 2);
    await review(s, 4);
    await aggregateReviews(s);
    await db().product.update({
      where: { id: s.productId },
      data: { ratingAvg: 4.9, reviewCount: 120, ratingHistogram: [0, 0, 0, 20, 100] },
    });
    await db().sellerProfile.update({ where: { id: s.sellerId }, data: { ratingAvg: 1, ratingCount: 1 } });
    const reviewless = await createProduct(db(), { sellerId: s.sellerId, categoryId });
    await db().product.update({
      where: { id: reviewless.id },
      data: { ratingAvg: 5, reviewCount: 1, ratingHistogram: [0, 0, 0, 0, 1] },
    });

    const lines: string[] = [];
    const result = await recomputeAllRatings({ batchSize: 2, onProgress: (l) => lines.push(l) });
    expect(result.productsFixed).toBeGreaterThanOrEqual(2);
    expect(result.sellersFixed).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeGreaterThan(1);
    expect(await ratings(s)).toMatchObject({
      avg: 3,
      count: 2,
      histogram: [0, 1, 0, 1, 0],
      seller: { avg: 3, count: 2 },
    });
    expect(await db().product.findUniqueOrThrow({ where: { id: reviewless.id } })).toMatchObject({
      ratingAvg: 0,
      reviewCount: 0,
      ratingHistogram: [0, 0, 0, 0, 0],
    });

    expect(await recomputeAllRatings()).toMatchObject({ productsFixed: 0, sellersFixed: 0 });
  });
});

describe("scripts/reviews-recompute.ts", () => {
  const run = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/reviews-recompute.ts", ...args],
      {
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        cwd: process.cwd(),
      },
    );

  it("repairs every drifted rating, one product on request, and refuses a bad id", async () => {
    const s = await shop();
    await review(s, 5);
    await review(s, 2);
    await db().product.update({ where: { id: s.productId }, data: { ratingAvg: 1, reviewCount: 9 } });
    const all = await run();
    expect(all.stdout).toMatch(
      /\[reviews:recompute\] done in .* s: [1-9]\d* of \d+ products and [1-9]\d* of \d+ sellers fixed\./,
    );
    expect(await ratings(s)).toMatchObject({
      avg: 3.5,
      count: 2,
      histogram: [0, 1, 0, 0, 1],
      seller: { avg: 3.5, count: 2 },
    });

    await db().product.update({ where: { id: s.productId }, data: { reviewCount: 0 } });
    expect((await run("--product", s.productId)).stdout).toContain(
      `product ${s.productId}: 3.5 over 2 reviews [0, 1, 0, 0, 1] (fixed)`,
    );
    expect((await run("--product", s.productId)).stdout).toContain("(already right)");
    await expect(run("--product", "nope")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("--product must be an id"),
    });
  }, 60_000);
});

describe("with the worker running", () => {
  let worker: { stop: () => Promise<void> };
  beforeAll(async () => {
    worker = await startWorker({ connectionString: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5 });
  });
  afterAll(() => worker.stop());

  async function eventually(check: () => Promise<boolean>, ms = 15_000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  }

  it("a new review and a hidden review reach the product's numbers within seconds", async () => {
    const s = await shop();
    const a = await review(s, 5);
    await review(s, 3);
    expect(await eventually(async () => (await ratings(s)).count === 2)).toBe(true);
    expect(await ratings(s)).toMatchObject({ avg: 4, histogram: [0, 0, 1, 0, 1], seller: { avg: 4, count: 2 } });
    await hide(a.reviewId);
    expect(await eventually(async () => (await ratings(s)).count === 1)).toBe(true);
    expect(await ratings(s)).toMatchObject({ avg: 3, histogram: [0, 0, 1, 0, 0] });
  });
});
