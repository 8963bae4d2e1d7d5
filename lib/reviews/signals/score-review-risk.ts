import type { Tx } from "@/lib/db/client";

import { openReviewCase } from "../moderate/open-review-case";

/** A signal at or above this score sends the review to the admin queue. */
export const REVIEW_RISK_CASE_THRESHOLD = 70;
const BURST_WINDOW_MS = 3_600_000;
const BURST_REVIEWS = 5;

type ReviewFacts = { reviewId: string; buyerId: string; sellerUserId: string; createdAt: Date };
type Signal = { kind: string; score: number; details: Record<string, string | number> };
type Rule = (tx: Tx, review: ReviewFacts) => Promise<Signal | null>;

// Cheap, explainable checks run as each review is posted. The fraud service adds its model
// here (or writes fraud_signals rows itself); each rule returns one signal or nothing.
const RULES: Rule[] = [
  async (_tx, r) =>
    r.buyerId === r.sellerUserId
      ? {
          kind: "review.self_review",
          score: 90,
          details: { reason: "The reviewer owns the shop selling the product." },
        }
      : null,
  async (tx, r) => {
    const recent = await tx.review.count({
      where: { buyerId: r.buyerId, createdAt: { gte: new Date(r.createdAt.getTime() - BURST_WINDOW_MS) } },
    });
    return recent >= BURST_REVIEWS ? { kind: "review.burst", score: 40, details: { reviewsInLastHour: recent } } : null;
  },
];

/**
 * The fraud hook for a newly posted review: records each rule's signal in fraud_signals and
 * queues the review for an admin when one is serious. Runs in the posting transaction.
 */
export async function scoreReviewRisk(
  tx: Tx,
  opts: { reviewId: string },
): Promise<{ signals: { kind: string; score: number }[] }> {
  const review = await tx.review.findUniqueOrThrow({
    where: { id: opts.reviewId },
    select: { id: true, buyerId: true, createdAt: true, product: { select: { seller: { select: { userId: true } } } } },
  });
  const facts: ReviewFacts = {
    reviewId: review.id,
    buyerId: review.buyerId,
    sellerUserId: review.product.seller.userId,
    createdAt: review.createdAt,
  };
  const signals: Signal[] = [];
  for (const rule of RULES) {
    const s = await rule(tx, facts);
    if (s) signals.push(s);
  }
  for (const s of signals)
    await tx.fraudSignal.create({
      data: { subjectType: "review", subjectId: review.id, kind: s.kind, score: s.score, details: s.details },
    });
  const serious = signals.filter((s) => s.score >= REVIEW_RISK_CASE_THRESHOLD);
  if (serious.length > 0) {
    await openReviewCase(tx, {
      reviewId: review.id,
      reason: {
        code: "fraud_signal",
        message: `Automatic check: ${serious.map((s) => s.details.reason ?? s.kind).join("; ")}`,
      },
    });
  }
  return { signals: signals.map((s) => ({ kind: s.kind, score: s.score })) };
}
