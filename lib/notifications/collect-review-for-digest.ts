import type { Tx } from "@/lib/db/client";
import type { DomainEvents } from "@/lib/outbox/events";

import { collectDigestItem, wantsDailyDigest } from "./collect-digest-item";

/** A new review of a digest reader's item goes into their next daily digest instead of its own email (seller-emails.ts skips digest readers). */
export async function collectReviewForDigest(tx: Tx, event: DomainEvents["review.received"]): Promise<void> {
  const r = await tx.review.findUnique({
    where: { id: event.reviewId },
    select: {
      rating: true,
      title: true,
      productId: true,
      product: { select: { title: true, seller: { select: { userId: true } } } },
    },
  });
  if (!r || !(await wantsDailyDigest(tx, r.product.seller.userId))) return;
  await collectDigestItem(tx, {
    userId: r.product.seller.userId,
    kind: "review",
    title: `${r.rating}-star review of ${r.product.title}`,
    body: r.title,
    link: `/products/${r.productId}#reviews`,
    dedupeKey: `digest:review:${event.reviewId}`,
  });
}
