import type { Tx } from "@/lib/db/client";
import { accountLinks, linkWords } from "@/lib/fraud/linking/account-links";
import {
  incentivisedPhrase,
  jaccard,
  MIN_SHINGLES,
  NEAR_DUPLICATE_SIMILARITY,
  shingles,
} from "@/lib/fraud/reviews/review-text";

import { openReviewCase } from "../moderate/open-review-case";

/** A review whose signals combine to this score or more is held for an admin. */
export const REVIEW_RISK_CASE_THRESHOLD = 70;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BURST_WINDOW_MS = HOUR;
const BURST_REVIEWS = 5;
// A product's burst: this many 5-star reviews from new accounts within a day, and at least
// three times its usual daily count of them over the month before.
const PRODUCT_BURST_MIN = 5;
const NEW_ACCOUNT_DAYS = 30;
const SIMILAR_TEXT_LOOKBACK = 200;

type ReviewFacts = {
  reviewId: string;
  buyerId: string;
  buyerCreatedAt: Date;
  sellerId: string;
  sellerUserId: string;
  productId: string;
  rating: number;
  text: string;
  createdAt: Date;
};
type Signal = {
  kind: string;
  score: number;
  /** The reason in words, as the admin reads it in the moderation queue. */
  reason: string;
  details: Record<string, string | number>;
  /** Other reviews the same finding holds (the rest of a burst). */
  alsoHold?: string[];
};
type Rule = (tx: Tx, review: ReviewFacts) => Promise<Signal | null>;

// Cheap, explainable checks run as each review is posted; each returns one signal or nothing.
const RULES: Rule[] = [
  async (_tx, r) =>
    r.buyerId === r.sellerUserId
      ? {
          kind: "review.self_review",
          score: 90,
          reason: "The reviewer owns the shop selling the product.",
          details: {},
        }
      : null,
  async (tx, r) => {
    const recent = await tx.review.count({
      where: { buyerId: r.buyerId, createdAt: { gte: new Date(r.createdAt.getTime() - BURST_WINDOW_MS) } },
    });
    return recent >= BURST_REVIEWS
      ? {
          kind: "review.burst",
          score: 40,
          reason: `The reviewer posted ${recent} reviews in the last hour.`,
          details: { reviewsInLastHour: recent },
        }
      : null;
  },
  // Linked to the seller: the reviewer's requests came from the seller's device, card or IP.
  async (tx, r) => {
    if (r.buyerId === r.sellerUserId) return null;
    const link = (await accountLinks(tx, r.buyerId, [r.sellerUserId])).get(r.sellerUserId);
    if (!link) return null;
    return {
      kind: "review.linked_to_seller",
      score: link.devices || link.cards ? 80 : 50,
      reason: `The reviewer's account ${linkWords(link)} with the shop's owner.`,
      details: { sharedDevices: link.devices, sharedIps: link.ips, sharedCards: link.cards },
    };
  },
  // Reciprocal ratings: the shop's owner has reviewed the reviewer's own shop.
  async (tx, r) => {
    if (r.buyerId === r.sellerUserId) return null;
    const back = await tx.review.count({
      where: { buyerId: r.sellerUserId, product: { seller: { userId: r.buyerId } } },
    });
    return back > 0
      ? {
          kind: "review.reciprocal",
          score: 60,
          reason: `The shop's owner has reviewed the reviewer's own shop (${back} review${back === 1 ? "" : "s"}): they rate each other.`,
          details: { reviewsBack: back },
        }
      : null;
  },
  // A burst of 5-star reviews on the product from new accounts, against its own baseline.
  async (tx, r) => {
    if (r.rating !== 5 || r.createdAt.getTime() - r.buyerCreatedAt.getTime() > NEW_ACCOUNT_DAYS * DAY) return null;
    const dayAgo = new Date(r.createdAt.getTime() - DAY);
    const burst = await tx.$queryRaw<{ id: string }[]>`
      SELECT rv.id::text AS id FROM reviews rv JOIN users u ON u.id = rv.buyer_id
       WHERE rv.product_id = ${r.productId}::uuid AND rv.rating = 5 AND rv.status <> 'hidden'
         AND rv.created_at > ${dayAgo} AND rv.created_at <= ${r.createdAt}
         AND rv.created_at - u.created_at < make_interval(days => ${NEW_ACCOUNT_DAYS})`;
    const [{ n: before }] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM reviews
       WHERE product_id = ${r.productId}::uuid AND rating = 5 AND created_at <= ${dayAgo}
         AND created_at > ${new Date(dayAgo.getTime() - 30 * DAY)}`;
    const baselinePerDay = before / 30;
    if (burst.length < Math.max(PRODUCT_BURST_MIN, 3 * baselinePerDay)) return null;
    return {
      kind: "review.product_burst",
      score: 75,
      reason: `${burst.length} five-star reviews from accounts under ${NEW_ACCOUNT_DAYS} days old in one day (the product usually gets ${baselinePerDay.toFixed(1)} a day).`,
      details: { burst: burst.length, baselinePerDay: Math.round(baselinePerDay * 10) / 10 },
      alsoHold: burst.map((b) => b.id).filter((id) => id !== r.reviewId),
    };
  },
  // Near-duplicate text: the same review posted again, lightly edited, on the shop's products.
  async (tx, r) => {
    const mine = shingles(r.text);
    if (mine.size < MIN_SHINGLES) return null;
    const others = await tx.review.findMany({
      where: {
        id: { not: r.reviewId },
        buyerId: { not: r.buyerId },
        product: { sellerId: r.sellerId },
        createdAt: { gte: new Date(r.createdAt.getTime() - 90 * DAY) },
      },
      orderBy: { createdAt: "desc" },
      take: SIMILAR_TEXT_LOOKBACK,
      select: { id: true, title: true, body: true },
    });
    let best = { id: "", similarity: 0 };
    for (const o of others) {
      const s = jaccard(mine, shingles(`${o.title} ${o.body}`));
      if (s > best.similarity) best = { id: o.id, similarity: s };
    }
    if (best.similarity < NEAR_DUPLICATE_SIMILARITY) return null;
    return {
      kind: "review.near_duplicate",
      score: 70,
      reason: `The text is ${Math.round(best.similarity * 100)}% the same as another buyer's review of this shop.`,
      details: { similarTo: best.id, similarity: Math.round(best.similarity * 100) / 100 },
    };
  },
  async (_tx, r) => {
    const phrase = incentivisedPhrase(r.text);
    return phrase
      ? {
          kind: "review.incentivised",
          score: 70,
          reason: `The review says it was paid for: “${phrase}”.`,
          details: { phrase },
        }
      : null;
  },
];

/** The signals' combined score, 0..100: their noisy-OR, so two middling signals add up. */
export function combinedReviewRisk(scores: number[]): number {
  return Math.round(100 * (1 - scores.reduce((keep, s) => keep * (1 - Math.min(100, Math.max(0, s)) / 100), 1)));
}

/**
 * The fraud hook for a newly posted review: records each rule's signal in fraud_signals and,
 * when they add up to REVIEW_RISK_CASE_THRESHOLD, holds the review (not shown, not in the
 * ratings) in the admin moderation queue with the reasons in words. Runs in the posting
 * transaction, before the rating aggregation is queued.
 */
export async function scoreReviewRisk(
  tx: Tx,
  opts: { reviewId: string },
): Promise<{ signals: { kind: string; score: number }[]; score: number; held: boolean }> {
  const review = await tx.review.findUniqueOrThrow({
    where: { id: opts.reviewId },
    select: {
      id: true,
      buyerId: true,
      rating: true,
      title: true,
      body: true,
      createdAt: true,
      productId: true,
      buyer: { select: { createdAt: true } },
      product: { select: { sellerId: true, seller: { select: { userId: true } } } },
    },
  });
  const facts: ReviewFacts = {
    reviewId: review.id,
    buyerId: review.buyerId,
    buyerCreatedAt: review.buyer.createdAt,
    sellerId: review.product.sellerId,
    sellerUserId: review.product.seller.userId,
    productId: review.productId,
    rating: review.rating,
    text: `${review.title} ${review.body}`,
    createdAt: review.createdAt,
  };
  const signals: Signal[] = [];
  for (const rule of RULES) {
    const s = await rule(tx, facts);
    if (s) signals.push(s);
  }
  for (const s of signals)
    await tx.fraudSignal.create({
      data: {
        subjectType: "review",
        subjectId: review.id,
        kind: s.kind,
        score: s.score,
        details: { ...s.details, reason: s.reason },
      },
    });
  const score = combinedReviewRisk(signals.map((s) => s.score));
  const held = score >= REVIEW_RISK_CASE_THRESHOLD;
  if (held) {
    const message = `Held by the automatic checks (risk ${score}): ${signals.map((s) => s.reason).join(" ")}`;
    await holdReview(tx, review.id, { code: "fraud_signal", message });
    for (const s of signals)
      for (const other of s.alsoHold ?? [])
        await holdReview(tx, other, { code: s.kind, message: `Held by the automatic checks: ${s.reason}` });
  }
  return { signals: signals.map((s) => ({ kind: s.kind, score: s.score })), score, held };
}

/** A visible review leaves the page and the ratings until an admin decides its case. */
async function holdReview(tx: Tx, reviewId: string, reason: { code: string; message: string }): Promise<void> {
  await openReviewCase(tx, { reviewId, reason });
  await tx.review.updateMany({ where: { id: reviewId, status: "visible" }, data: { status: "held" } });
}
