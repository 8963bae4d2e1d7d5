import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCategory, createProduct, createReadyUpload, createSeller, createUser } from "@/test/factories";
import { createOrder } from "@/test/order-factories";

import { listReviewCases } from "./moderate/list-review-cases";
import { reportReview } from "./moderate/report-review";
import { resolveReviewCase } from "./moderate/resolve-review-case";
import { restoreReview } from "./moderate/restore-review";
import { listProductReviews } from "./read/list-product-reviews";
import { setHelpfulVote } from "./signals/set-helpful-vote";
import { createReview } from "./write/create-review";
import { editReviewReply } from "./write/edit-review-reply";
import { replyToReview } from "./write/reply-to-review";

let categoryId: number;
let adminId: string;
beforeAll(async () => {
  categoryId = (await createCategory(db())).id;
  adminId = (await createUser(db(), { role: "admin" })).id;
});

async function shop() {
  const { seller, user } = await createSeller(db());
  const product = await createProduct(db(), { sellerId: seller.id, categoryId });
  return { sellerId: seller.id, sellerUserId: user.id, productId: product.id };
}

async function review(
  s: { sellerId: string; productId: string },
  input: { rating: number; title?: string; body?: string; images?: string[] },
  buyer?: { id: string },
) {
  const b =
    buyer ??
    (await db().user.create({ data: { email: `b-${crypto.randomUUID()}@example.test`, name: "Ada Lovelace" } }));
  const order = await createOrder(db(), { buyerId: b.id, sellerId: s.sellerId, productIds: [s.productId] });
  const { reviewId } = await createReview({
    buyerId: b.id,
    orderId: order.id,
    input: { title: `${input.rating} stars`, ...input },
  });
  return { reviewId, buyerId: b.id };
}

describe("helpful votes", () => {
  it("one per user: repeating changes nothing, taking it back removes it, the count is the number of voters", async () => {
    const s = await shop();
    const { reviewId } = await review(s, { rating: 4 });
    const [u1, u2] = [await createUser(db()), await createUser(db())];
    expect(await setHelpfulVote({ userId: u1.id, reviewId, helpful: true })).toEqual({ helpfulCount: 1, voted: true });
    expect(await setHelpfulVote({ userId: u1.id, reviewId, helpful: true })).toEqual({ helpfulCount: 1, voted: true });
    expect(await setHelpfulVote({ userId: u2.id, reviewId, helpful: true })).toEqual({ helpfulCount: 2, voted: true });
    expect(await setHelpfulVote({ userId: u1.id, reviewId, helpful: false })).toEqual({
      helpfulCount: 1,
      voted: false,
    });
    expect(await setHelpfulVote({ userId: u1.id, reviewId, helpful: false })).toEqual({
      helpfulCount: 1,
      voted: false,
    });
    expect(await db().reviewVote.count({ where: { reviewId } })).toBe(1);
    expect((await db().review.findUniqueOrThrow({ where: { id: reviewId } })).helpfulCount).toBe(1);
  });

  it("twenty users voting at once (each twice) count twenty", async () => {
    const s = await shop();
    const { reviewId } = await review(s, { rating: 5 });
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser(db())));
    await Promise.all(
      users.flatMap((u) => [
        setHelpfulVote({ userId: u.id, reviewId, helpful: true }),
        setHelpfulVote({ userId: u.id, reviewId, helpful: true }),
      ]),
    );
    expect((await db().review.findUniqueOrThrow({ where: { id: reviewId } })).helpfulCount).toBe(20);
  });

  it("not on your own review, and not on a hidden or unknown one", async () => {
    const s = await shop();
    const { reviewId, buyerId } = await review(s, { rating: 5 });
    await expect(setHelpfulVote({ userId: buyerId, reviewId, helpful: true })).rejects.toMatchObject({ status: 403 });
    await db().review.update({ where: { id: reviewId }, data: { status: "hidden" } });
    await expect(
      setHelpfulVote({ userId: (await createUser(db())).id, reviewId, helpful: true }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db().reviewVote.count({ where: { reviewId } })).toBe(0);
  });
});

describe("reports and the admin queue", () => {
  it("reports from several users make one open case with every reason; an admin hides the review", async () => {
    const s = await shop();
    const { reviewId } = await review(s, { rating: 1, title: "Terrible", body: "Buy from my shop instead" });
    const [r1, r2] = [await createUser(db()), await createUser(db())];
    const a = await reportReview({ reporterId: r1.id, reviewId, input: { reason: "Spam: advertises another shop" } });
    const b = await reportReview({ reporterId: r2.id, reviewId, input: { reason: "Not about the product" } });
    expect(b.caseId).toBe(a.caseId);
    await expect(reportReview({ reporterId: r1.id, reviewId, input: { reason: "Again" } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/already reported/),
    });

    const queue = await listReviewCases();
    const row = queue.rows.find((c) => c.id === a.caseId)!;
    expect(row).toMatchObject({
      status: "open",
      review: { id: reviewId, title: "Terrible", rating: 1, product: { id: s.productId } },
    });
    expect(row.reports.map((r) => r.reason)).toEqual(["Spam: advertises another shop", "Not about the product"]);

    expect(
      await resolveReviewCase({ caseId: a.caseId, adminId, input: { decision: "hide", note: "Advertising" } }),
    ).toEqual({ reviewId, reviewStatus: "hidden" });
    expect(await db().review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "hidden" });
    expect(await db().moderationCase.findUniqueOrThrow({ where: { id: a.caseId } })).toMatchObject({
      status: "rejected",
      resolution: "Advertising",
      resolvedById: adminId,
    });
    expect((await listReviewCases()).rows.some((c) => c.id === a.caseId)).toBe(false);
    expect((await listProductReviews({ productId: s.productId })).rows).toHaveLength(0);
    await expect(resolveReviewCase({ caseId: a.caseId, adminId, input: { decision: "keep" } })).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      reportReview({ reporterId: (await createUser(db())).id, reviewId, input: { reason: "Rude" } }),
    ).rejects.toMatchObject({ status: 404 });

    // Hidden by mistake: the admin finds it under hidden reviews and restores it.
    expect((await listReviewCases({ status: "rejected" })).rows.map((c) => c.id)).toContain(a.caseId);
    expect(await restoreReview({ caseId: a.caseId, adminId, note: "The shop link was the seller's own" })).toEqual({
      reviewId,
    });
    expect(await db().review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "visible" });
    expect(await db().moderationCase.findUniqueOrThrow({ where: { id: a.caseId } })).toMatchObject({
      status: "dismissed",
      resolution: "Restored: The shop link was the seller's own (was: Advertising)",
    });
    expect((await listProductReviews({ productId: s.productId })).rows.map((r) => r.id)).toEqual([reviewId]);
    expect(await db().outboxEvent.count({ where: { aggregateId: reviewId, eventType: "review.restored" } })).toBe(1);
    await expect(restoreReview({ caseId: a.caseId, adminId })).rejects.toMatchObject({ status: 409 });
  });

  it("an admin keeps a reported review: it stays visible; a later report opens a new case", async () => {
    const s = await shop();
    const { reviewId } = await review(s, { rating: 2, title: "Meh" });
    const { caseId } = await reportReview({
      reporterId: (await createUser(db())).id,
      reviewId,
      input: { reason: "I disagree" },
    });
    await resolveReviewCase({ caseId, adminId, input: { decision: "keep" } });
    expect(await db().review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "visible" });
    expect(await db().moderationCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      status: "dismissed",
    });
    const again = await reportReview({
      reporterId: (await createUser(db())).id,
      reviewId,
      input: { reason: "Offensive language" },
    });
    expect(again.caseId).not.toBe(caseId);
  });

  it("concurrent reports of one review end up in one case", async () => {
    const s = await shop();
    const { reviewId } = await review(s, { rating: 3 });
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(db())));
    const results = await Promise.all(
      users.map((u) => reportReview({ reporterId: u.id, reviewId, input: { reason: "Fake" } })),
    );
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(await db().moderationCase.count({ where: { reviewId, status: "open" } })).toBe(1);
  });

  it("bad reports: no reason, your own review, an unknown review, a bad decision", async () => {
    const s = await shop();
    const { reviewId, buyerId } = await review(s, { rating: 3 });
    const u = await createUser(db());
    await expect(reportReview({ reporterId: u.id, reviewId, input: { reason: " " } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/what is wrong/),
    });
    await expect(
      reportReview({ reporterId: u.id, reviewId, input: { reason: "x".repeat(501) } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(reportReview({ reporterId: buyerId, reviewId, input: { reason: "Oops" } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      reportReview({ reporterId: u.id, reviewId: crypto.randomUUID(), input: { reason: "Fake" } }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db().reviewReport.count({ where: { reviewId } })).toBe(0);
    expect(await db().moderationCase.count({ where: { reviewId } })).toBe(0);
    const { caseId } = await reportReview({ reporterId: u.id, reviewId, input: { reason: "Fake" } });
    await expect(resolveReviewCase({ caseId, adminId, input: { decision: "delete" as never } })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/hide or keep/),
    });
    await expect(
      resolveReviewCase({ caseId: crypto.randomUUID(), adminId, input: { decision: "hide" } }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db().review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "visible" });
  });
});

describe("seller replies", () => {
  it("the product's seller replies once and edits the reply; the product page shows it", async () => {
    const s = await shop();
    const { reviewId } = await review(s, { rating: 2 });
    await replyToReview({ sellerId: s.sellerId, reviewId, input: { body: "Sorry! We sent a replacement." } });
    await expect(
      replyToReview({ sellerId: s.sellerId, reviewId, input: { body: "Second reply" } }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/edit your reply/) });
    await editReviewReply({ sellerId: s.sellerId, reviewId, input: { body: "Sorry! A replacement is on its way." } });
    expect(await db().reviewReply.findMany({ where: { reviewId } })).toMatchObject([
      { body: "Sorry! A replacement is on its way.", sellerId: s.sellerId },
    ]);
    expect((await listProductReviews({ productId: s.productId })).rows[0].reply).toMatchObject({
      body: "Sorry! A replacement is on its way.",
    });
  });

  it("another seller can neither reply nor edit; empty or long replies are refused", async () => {
    const s = await shop();
    const other = await shop();
    const { reviewId } = await review(s, { rating: 2 });
    await expect(
      replyToReview({ sellerId: other.sellerId, reviewId, input: { body: "Try my shop" } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(replyToReview({ sellerId: s.sellerId, reviewId, input: { body: "  " } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      replyToReview({ sellerId: s.sellerId, reviewId, input: { body: "x".repeat(2001) } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/2,000/) });
    expect(await db().reviewReply.count({ where: { reviewId } })).toBe(0);
    await replyToReview({ sellerId: s.sellerId, reviewId, input: { body: "Thanks" } });
    await expect(
      editReviewReply({ sellerId: other.sellerId, reviewId, input: { body: "Mine now" } }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await db().reviewReply.findFirstOrThrow({ where: { reviewId } })).body).toBe("Thanks");
  });
});

describe("the product page's review list", () => {
  it("sorts by newest, most helpful, highest and lowest, filters by stars, pages by ten, and leaves hidden reviews out", async () => {
    const s = await shop();
    const ids: Record<string, string> = {};
    const stars = [5, 1, 4, 4, 2, 5, 3, 5, 1, 4, 5, 2];
    for (const [i, r] of stars.entries()) {
      ids[i] = (await review(s, { rating: r, title: `Review ${i}` })).reviewId;
      await db().review.update({ where: { id: ids[i] }, data: { createdAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
    }
    await db().review.update({ where: { id: ids[11] }, data: { status: "hidden" } });
    const voters = await Promise.all([createUser(db()), createUser(db())]);
    for (const v of voters) await setHelpfulVote({ userId: v.id, reviewId: ids[1], helpful: true });
    await setHelpfulVote({ userId: voters[0].id, reviewId: ids[6], helpful: true });

    const newest = await listProductReviews({ productId: s.productId, query: {} });
    expect(newest).toMatchObject({ total: 11, page: 1, pageSize: 10, sort: "newest", stars: null });
    expect(newest.rows.map((r) => r.title)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((i) => `Review ${i}`));
    const page2 = await listProductReviews({ productId: s.productId, query: { page: "2" } });
    expect(page2.rows.map((r) => r.title)).toEqual(["Review 0"]);

    const helpful = await listProductReviews({
      productId: s.productId,
      query: { sort: "helpful" },
      viewerId: voters[0].id,
    });
    expect(helpful.rows.slice(0, 3).map((r) => [r.title, r.helpfulCount, r.viewerVoted])).toEqual([
      ["Review 1", 2, true],
      ["Review 6", 1, true],
      ["Review 10", 0, false],
    ]);

    const highest = await listProductReviews({ productId: s.productId, query: { sort: "highest" } });
    expect(highest.rows.map((r) => r.rating)).toEqual([5, 5, 5, 5, 4, 4, 4, 3, 2, 1]);
    const lowest = await listProductReviews({ productId: s.productId, query: { sort: "lowest" } });
    expect(lowest.rows.map((r) => r.rating)).toEqual([1, 1, 2, 3, 4, 4, 4, 5, 5, 5]);
    expect(lowest.rows.slice(0, 2).map((r) => r.title)).toEqual(["Review 8", "Review 1"]);

    const fives = await listProductReviews({ productId: s.productId, query: { stars: "5" } });
    expect(fives.total).toBe(4);
    expect(fives.rows.every((r) => r.rating === 5)).toBe(true);
    const twos = await listProductReviews({ productId: s.productId, query: { stars: "2" } });
    expect(twos.rows.map((r) => r.title)).toEqual(["Review 4"]);

    const junk = await listProductReviews({
      productId: s.productId,
      query: { sort: "random", stars: "9", page: "-1" },
    });
    expect(junk).toMatchObject({ sort: "newest", stars: null, page: 1, total: 11 });
  });

  it("shows the author as first name and initial, verified purchase, photos with their variants, and the author's own flag", async () => {
    const s = await shop();
    const buyer = await db().user.create({
      data: { email: `ada-${crypto.randomUUID()}@example.test`, name: "Ada Lovelace" },
    });
    const photo = await createReadyUpload(db(), buyer.id);
    await db().upload.update({ where: { id: photo.id }, data: { purpose: "review_image" } });
    await review(s, { rating: 5, title: "Lovely", body: "<b>not bold</b>", images: [photo.id] }, buyer);
    const [r] = (await listProductReviews({ productId: s.productId, viewerId: buyer.id })).rows;
    expect(r).toMatchObject({
      authorName: "Ada L.",
      verifiedPurchase: true,
      body: "<b>not bold</b>",
      viewerIsAuthor: true,
      edited: false,
      reply: null,
    });
    expect(r.images).toHaveLength(1);
    expect(r.images[0].thumbUrl).toMatch(new RegExp(`images/${photo.id}/320\\.webp$`));
    expect(r.images[0].url).toMatch(/1280\.webp$/);
    expect(r.images[0].srcSet.split(", ")).toHaveLength(3);
    expect(JSON.stringify(r)).not.toContain(buyer.email);
  });
});
