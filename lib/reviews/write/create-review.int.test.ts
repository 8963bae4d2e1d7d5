import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import type { OrderStatus, UploadStatus } from "@/lib/generated/prisma/enums";
import { createCategory, createProduct, createReadyUpload, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { listProductReviews } from "../read/list-product-reviews";
import { createReview } from "./create-review";
import { editReview } from "./edit-review";

let categoryId: number;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
});

async function reviewPhoto(userId: string, status: UploadStatus = "ready") {
  const u = await createReadyUpload(db(), userId);
  return db().upload.update({
    where: { id: u.id },
    data: {
      purpose: "review_image",
      status,
      rejectReason: status === "rejected" ? "The file is not a JPEG, PNG, WebP or GIF image" : null,
    },
  });
}

/** A seller with `items` products and a buyer whose order of them is in `status`. */
async function scenario(opts: { status?: OrderStatus; items?: number; deliveredAt?: Date | null } = {}) {
  const { seller, user: sellerUser } = await createSeller(db());
  const products = await Promise.all(
    Array.from({ length: opts.items ?? 1 }, () => createProduct(db(), { sellerId: seller.id, categoryId })),
  );
  const buyer = await createUser(db());
  const order = await createOrder(db(), {
    buyerId: buyer.id,
    sellerId: seller.id,
    productIds: products.map((p) => p.id),
    status: opts.status,
    deliveredAt: opts.deliveredAt,
  });
  return { seller, sellerUser, products, buyer, order };
}

const jobsFor = async (productId: string) =>
  (
    await db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'aggregate-reviews' AND data->>'productId' = ${productId}`
  )[0].n;

/** Nothing at all was written for this order: no review, no photos attached, no job, no signal, no event. */
async function expectNothingStored(orderId: string, productId: string) {
  expect(await db().review.count({ where: { orderId } })).toBe(0);
  expect(await db().reviewImage.count({ where: { review: { orderId } } })).toBe(0);
  expect(await jobsFor(productId)).toBe(0);
  expect(
    await db().outboxEvent.count({
      where: { aggregateType: "review", payload: { path: ["product_id"], equals: productId } },
    }),
  ).toBe(0);
}

const good = { rating: 4, title: "Sturdy and well made", body: "Exactly as pictured.\nWould buy again." };
const DAY = 86_400_000;

describe("posting a review", () => {
  it("a buyer reviews the one item of a delivered order with photos: verified, editable for 48 hours, aggregation queued", async () => {
    const { buyer, order, products } = await scenario();
    const photos = [await reviewPhoto(buyer.id), await reviewPhoto(buyer.id)];
    const before = Date.now();
    const created = await createReview({
      buyerId: buyer.id,
      orderId: order.id,
      input: { ...good, images: photos.map((p) => p.id).reverse() },
    });
    const review = await db().review.findUniqueOrThrow({
      where: { id: created.reviewId },
      include: { images: { orderBy: { position: "asc" } } },
    });
    expect(review).toMatchObject({
      orderItemId: order.items[0].id,
      productId: products[0].id,
      buyerId: buyer.id,
      rating: 4,
      title: good.title,
      body: good.body,
      verifiedPurchase: true,
      status: "visible",
    });
    expect(review.images.map((i) => i.uploadId)).toEqual(photos.map((p) => p.id).reverse());
    expect(review.editableUntil.getTime() - before).toBeGreaterThanOrEqual(48 * 3_600_000 - 1000);
    expect(review.editableUntil.getTime() - before).toBeLessThan(48 * 3_600_000 + 60_000);
    expect(await jobsFor(products[0].id)).toBe(1);
    expect(
      await db().outboxEvent.count({
        where: { aggregateType: "review", aggregateId: review.id, eventType: "review.created" },
      }),
    ).toBe(1);
    // The same filter expectNothingStored uses finds it.
    expect(
      await db().outboxEvent.count({
        where: { aggregateType: "review", payload: { path: ["product_id"], equals: products[0].id } },
      }),
    ).toBe(1);
  });

  it("a completed order can be reviewed too", async () => {
    const { buyer, order } = await scenario({ status: "completed" });
    await expect(createReview({ buyerId: buyer.id, orderId: order.id, input: good })).resolves.toMatchObject({
      orderItemId: order.items[0].id,
    });
  });

  it("before delivery is confirmed (pending, paid, shipped, disputed, refunded, cancelled): a clear 409 and nothing stored", async () => {
    for (const status of ["pending", "paid", "shipped", "disputed", "refunded", "cancelled"] as const) {
      const { buyer, order, products } = await scenario({ status });
      await expect(createReview({ buyerId: buyer.id, orderId: order.id, input: good })).rejects.toMatchObject({
        status: 409,
        message: "You can review this order once its delivery is confirmed.",
      });
      await expectNothingStored(order.id, products[0].id);
    }
  });

  it("another buyer's order is 'not found' (its existence is not revealed) and nothing is stored", async () => {
    const { order, products } = await scenario();
    const stranger = await createUser(db());
    await expect(createReview({ buyerId: stranger.id, orderId: order.id, input: good })).rejects.toMatchObject({
      status: 404,
      message: "Order not found.",
    });
    await expect(createReview({ buyerId: stranger.id, orderId: randomUUID(), input: good })).rejects.toMatchObject({
      status: 404,
    });
    await expectNothingStored(order.id, products[0].id);
  });

  it("a second review of the same item is a 409 and the first stays as it was", async () => {
    const { buyer, order } = await scenario();
    const first = await createReview({ buyerId: buyer.id, orderId: order.id, input: good });
    await expect(
      createReview({ buyerId: buyer.id, orderId: order.id, input: { ...good, rating: 1, title: "Changed my mind" } }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/already reviewed this item/) });
    const reviews = await db().review.findMany({ where: { orderId: order.id } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ id: first.reviewId, rating: 4 });
  });

  it("two submissions of the same item at once store exactly one review", async () => {
    const { buyer, order } = await scenario();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createReview({ buyerId: buyer.id, orderId: order.id, input: good })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(r.reason).toMatchObject({ status: 409 });
    expect(await db().review.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("the review window is 60 days from delivery: day 59 is fine, day 61 is refused with the date", async () => {
    const late = await scenario({ deliveredAt: new Date(Date.now() - 61 * DAY) });
    await expect(createReview({ buyerId: late.buyer.id, orderId: late.order.id, input: good })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/within 60 days of delivery; this order was delivered on \d{4}-\d{2}-\d{2}/),
    });
    await expectNothingStored(late.order.id, late.products[0].id);
    const inTime = await scenario({ deliveredAt: new Date(Date.now() - 59 * DAY) });
    await expect(
      createReview({ buyerId: inTime.buyer.id, orderId: inTime.order.id, input: good }),
    ).resolves.toBeDefined();
  });

  it("an order of several items needs order_item_id, must name one of its own items, and takes one review per item", async () => {
    const { buyer, order, products } = await scenario({ items: 2 });
    const other = await scenario();
    await expect(createReview({ buyerId: buyer.id, orderId: order.id, input: good })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/several items/),
    });
    await expect(
      createReview({
        buyerId: buyer.id,
        orderId: order.id,
        input: { ...good, order_item_id: other.order.items[0].id },
      }),
    ).rejects.toMatchObject({ status: 400, message: "That item is not part of this order." });
    expect(await db().review.count({ where: { orderId: order.id } })).toBe(0);
    for (const item of order.items)
      await createReview({ buyerId: buyer.id, orderId: order.id, input: { ...good, order_item_id: item.id } });
    expect(
      (await db().review.findMany({ where: { orderId: order.id }, orderBy: { productId: "asc" } })).map(
        (r) => r.productId,
      ),
    ).toEqual(products.map((p) => p.id).sort());
  });
});

describe("bad input: each a clear error, nothing stored", () => {
  const cases: [string, (ctx: { buyerId: string; otherUserId: string }) => Promise<unknown>, number, RegExp][] = [
    ["rating 0", async () => ({ ...good, rating: 0 }), 400, /Rating must be a whole number from 1 to 5/],
    ["rating 6", async () => ({ ...good, rating: 6 }), 400, /Rating must be a whole number from 1 to 5/],
    ["rating 4.5", async () => ({ ...good, rating: 4.5 }), 400, /Rating must be a whole number from 1 to 5/],
    ["rating missing", async () => ({ title: good.title }), 400, /Rating must be a whole number from 1 to 5/],
    ["a 100 KB body", async () => ({ ...good, body: "x".repeat(100 * 1024) }), 400, /at most 5,000 characters/],
    [
      "script in the title",
      async () => ({ ...good, title: "<script>alert(1)</script>" }),
      400,
      /Titles can't contain < or >/,
    ],
    ["an empty title", async () => ({ ...good, title: "   " }), 400, /Give your review a title/],
    ["a 201-character title", async () => ({ ...good, title: "t".repeat(201) }), 400, /at most 200 characters/],
    [
      "a control character in the body",
      async () => ({ ...good, body: "bad\u0000byte" }),
      400,
      /characters that aren't allowed/,
    ],
    [
      "six photos",
      async ({ buyerId }) => ({
        ...good,
        images: await Promise.all(Array.from({ length: 6 }, async () => (await reviewPhoto(buyerId)).id)),
      }),
      400,
      /At most 5 images/,
    ],
    [
      "the same photo twice",
      async ({ buyerId }) => {
        const p = await reviewPhoto(buyerId);
        return { ...good, images: [p.id, p.id] };
      },
      400,
      /same image is listed twice/,
    ],
    [
      "someone else's photo",
      async ({ otherUserId }) => ({ ...good, images: [(await reviewPhoto(otherUserId)).id] }),
      400,
      /Image 1 was not found among your uploaded review photos/,
    ],
    [
      "a product image, not a review photo",
      async ({ buyerId }) => ({ ...good, images: [(await createReadyUpload(db(), buyerId)).id] }),
      400,
      /Image 1 was not found/,
    ],
    [
      "a photo still processing",
      async ({ buyerId }) => ({ ...good, images: [(await reviewPhoto(buyerId, "processing")).id] }),
      409,
      /Image 1 is still processing/,
    ],
    [
      "a rejected photo",
      async ({ buyerId }) => ({
        ...good,
        images: [(await reviewPhoto(buyerId)).id, (await reviewPhoto(buyerId, "rejected")).id],
      }),
      400,
      /Image 2 was rejected: The file is not a JPEG/,
    ],
    ["an unknown order item", async () => ({ ...good, order_item_id: randomUUID() }), 400, /not part of this order/],
    ["not JSON object fields", async () => "five stars", 400, /Review is invalid/],
  ];
  for (const [name, input, status, message] of cases) {
    it(name, async () => {
      const { buyer, order, products } = await scenario();
      const otherUserId = (await createUser(db())).id;
      const body = await input({ buyerId: buyer.id, otherUserId });
      const err = await createReview({ buyerId: buyer.id, orderId: order.id, input: body as never }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ status, message: expect.stringMatching(message) });
      await expectNothingStored(order.id, products[0].id);
    });
  }

  it("markup in the body is kept as the text the buyer typed (pages render it as text, never as HTML)", async () => {
    const { buyer, order } = await scenario();
    const body = `<img src=x onerror=alert(1)> & "quotes"`;
    const { reviewId } = await createReview({ buyerId: buyer.id, orderId: order.id, input: { ...good, body } });
    expect((await db().review.findUniqueOrThrow({ where: { id: reviewId } })).body).toBe(body);
  });

  it("a photo already on another review can't be reused", async () => {
    const a = await scenario();
    const photo = await reviewPhoto(a.buyer.id);
    await createReview({ buyerId: a.buyer.id, orderId: a.order.id, input: { ...good, images: [photo.id] } });
    const second = await createOrder(db(), {
      buyerId: a.buyer.id,
      sellerId: a.seller.id,
      productIds: [a.products[0].id],
    });
    await expect(
      createReview({ buyerId: a.buyer.id, orderId: second.id, input: { ...good, images: [photo.id] } }),
    ).rejects.toMatchObject({ status: 400, message: "Image 1 is already on another review." });
    expect(await db().review.count({ where: { orderId: second.id } })).toBe(0);
  });
});

describe("editing a review", () => {
  it("within 48 hours the buyer changes rating, text and photos; a rating change queues aggregation", async () => {
    const { buyer, order, products } = await scenario();
    const [p1, p2] = [await reviewPhoto(buyer.id), await reviewPhoto(buyer.id)];
    const { reviewId } = await createReview({
      buyerId: buyer.id,
      orderId: order.id,
      input: { ...good, images: [p1.id] },
    });
    await db()
      .$executeRaw`UPDATE reviews SET created_at = now() - interval '2 hours', updated_at = now() - interval '2 hours' WHERE id = ${reviewId}::uuid`;
    expect((await listProductReviews({ productId: products[0].id })).rows[0].edited).toBe(false);
    await editReview({
      buyerId: buyer.id,
      reviewId,
      input: { rating: 2, title: "Broke after a week", images: [p2.id, p1.id] },
    });
    expect((await listProductReviews({ productId: products[0].id })).rows[0]).toMatchObject({
      edited: true,
      rating: 2,
    });
    const r = await db().review.findUniqueOrThrow({
      where: { id: reviewId },
      include: { images: { orderBy: { position: "asc" } } },
    });
    expect(r).toMatchObject({ rating: 2, title: "Broke after a week", body: good.body });
    expect(r.images.map((i) => i.uploadId)).toEqual([p2.id, p1.id]);
    expect(await jobsFor(products[0].id)).toBe(2);
    await editReview({ buyerId: buyer.id, reviewId, input: { images: [p1.id] } });
    expect((await db().reviewImage.findMany({ where: { reviewId } })).map((i) => i.uploadId)).toEqual([p1.id]);
    await editReview({ buyerId: buyer.id, reviewId, input: { body: "Update: the seller replaced it.", images: [] } });
    expect(await db().reviewImage.count({ where: { reviewId } })).toBe(0);
    expect(await jobsFor(products[0].id)).toBe(2);
  });

  it("after the edit window, another buyer, a hidden review, or bad input: refused, nothing changed", async () => {
    const { buyer, order } = await scenario();
    const { reviewId } = await createReview({ buyerId: buyer.id, orderId: order.id, input: good });
    const stranger = await createUser(db());
    await expect(editReview({ buyerId: stranger.id, reviewId, input: { rating: 1 } })).rejects.toMatchObject({
      status: 404,
    });
    await expect(editReview({ buyerId: buyer.id, reviewId, input: { rating: 9 } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/from 1 to 5/),
    });
    await expect(editReview({ buyerId: buyer.id, reviewId, input: { title: "<b>bold</b>" } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(editReview({ buyerId: buyer.id, reviewId, input: {} })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/Change at least one/),
    });
    await expect(
      editReview({ buyerId: buyer.id, reviewId, input: { rating: 1 }, now: new Date(Date.now() + 49 * 3_600_000) }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/edited for 48 hours after posting/) });
    await db().review.update({ where: { id: reviewId }, data: { editableUntil: new Date(Date.now() - 1000) } });
    await expect(editReview({ buyerId: buyer.id, reviewId, input: { rating: 1 } })).rejects.toMatchObject({
      status: 409,
    });
    await db().review.update({
      where: { id: reviewId },
      data: { editableUntil: new Date(Date.now() + 3_600_000), status: "hidden" },
    });
    await expect(editReview({ buyerId: buyer.id, reviewId, input: { rating: 1 } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/hidden by a moderator/),
    });
    expect(await db().review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({
      rating: 4,
      title: good.title,
    });
  });
});

describe("the fraud hook", () => {
  it("records a signal and queues the review for an admin when the reviewer owns the shop", async () => {
    const { seller, user } = await createSeller(db());
    const product = await createProduct(db(), { sellerId: seller.id, categoryId });
    const order = await createOrder(db(), { buyerId: user.id, sellerId: seller.id, productIds: [product.id] });
    const { reviewId } = await createReview({ buyerId: user.id, orderId: order.id, input: { ...good, rating: 5 } });
    expect(await db().fraudSignal.findMany({ where: { subjectType: "review", subjectId: reviewId } })).toMatchObject([
      { kind: "review.self_review", score: 90 },
    ]);
    expect(await db().moderationCase.findMany({ where: { reviewId, status: "open" } })).toMatchObject([
      { subjectType: "review", reasons: [{ code: "fraud_signal" }] },
    ]);
  });

  it("an ordinary review leaves no signal", async () => {
    const { buyer, order } = await scenario();
    const { reviewId } = await createReview({ buyerId: buyer.id, orderId: order.id, input: good });
    expect(await db().fraudSignal.count({ where: { subjectId: reviewId } })).toBe(0);
    expect(await db().moderationCase.count({ where: { reviewId } })).toBe(0);
  });
});
