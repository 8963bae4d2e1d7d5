import "server-only";

import { db } from "@/lib/db/client";
import { scoreListingFraud } from "@/lib/fraud/listings/score-listing-fraud";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { checkListingRules, type RuleViolation } from "./check-listing-rules";
import { revalidateCachedProduct } from "./revalidate-cached-product";

/**
 * The moderation job for a submitted listing: runs the platform's rules and fraud checks, and either
 * activates it or opens a moderation case for an admin. Running it twice changes nothing
 * (it acts only on a listing still in review with no open case).
 */
export async function moderateListing(productId: string): Promise<"activated" | "case_opened" | "skipped"> {
  const outcome = await db().$transaction(async (tx): Promise<"activated" | "case_opened" | "skipped"> => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM products WHERE id = ${productId}::uuid AND status = 'pending_review' FOR UPDATE`;
    if (locked.length === 0) return "skipped";
    const openCase = await tx.moderationCase.findFirst({ where: { productId, status: "open" }, select: { id: true } });
    if (openCase) return "skipped";
    const product = await tx.product.findUniqueOrThrow({
      where: { id: productId },
      select: {
        title: true,
        description: true,
        priceCents: true,
        categoryId: true,
        currency: true,
        _count: { select: { images: true } },
        seller: { select: { createdAt: true } },
      },
    });
    const [median] = await tx.$queryRaw<{ median: number | null; n: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY price_cents)::float AS median, count(*)::int AS n
        FROM products WHERE category_id = ${product.categoryId} AND status = 'active' AND currency = ${product.currency} AND id <> ${productId}::uuid`;
    const violations: RuleViolation[] = checkListingRules({
      title: product.title,
      description: product.description,
      imageCount: product._count.images,
      priceCents: product.priceCents,
      sellerAgeDays: (Date.now() - product.seller.createdAt.getTime()) / 86_400_000,
      categoryMedianCents: median?.median ?? null,
      categoryListingCount: median?.n ?? 0,
    });
    // The fraud checks write the listing's fraud_score (search's penalty) whatever they find; a
    // serious finding also sends the listing to an admin.
    const fraud = await scoreListingFraud(tx, { productId });
    for (const s of fraud.signals) {
      if (s.score < 70) continue;
      const code = s.kind === "listing.duplicate_photo" ? "duplicate_photo" : "price_outlier";
      if (code === "price_outlier" && violations.some((v) => v.code === "price_far_below_median")) continue;
      violations.push({ code, message: s.message });
    }
    if (violations.length === 0) {
      await tx.product.update({
        where: { id: productId },
        data: { status: "active", statusReason: null, publishedAt: new Date() },
      });
      await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: productId, eventType: "product.active" });
      await emitDomainEvent(tx, "listing.approved", { productId });
      return "activated";
    }
    await tx.moderationCase.create({
      data: { subjectType: "product", subjectId: productId, productId, reasons: violations },
    });
    await tx.product.update({
      where: { id: productId },
      data: { statusReason: `Waiting for manual review: ${violations.map((v) => v.message).join(" ")}` },
    });
    return "case_opened";
  });
  // A visitor who saw "not found" on the cached page (a shared link, a second tab) sees it live
  // in every web process; this runs in the worker, after the commit.
  if (outcome === "activated") await revalidateCachedProduct(productId);
  return outcome;
}
