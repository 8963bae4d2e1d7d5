// The emails a seller gets about their listings and reviews (the email subscribers to
// listing.approved, listing.rejected and review.received), unless they turned that group's
// email off. Once per event and listing or review (the dedupe key).
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/mail/queue-email";
import type { DomainEvents } from "@/lib/outbox/events";

import { wantsDailyDigest } from "./collect-digest-item";
import { emailFooterFor } from "./email-footer";
import { wantsNotification, type NotificationGroup } from "./preferences";

type SellerEmail = { subject: string; body: string };

export function listingApprovedEmail(p: { id: string; title: string }, appUrl: string): SellerEmail {
  return {
    subject: `Your listing is live: ${p.title}`.slice(0, 300),
    body: `${p.title} passed moderation, and buyers can find it in search and its category now.\n\nSee it as buyers do: ${appUrl}/products/${p.id}\n`,
  };
}

export function listingRejectedEmail(p: { id: string; title: string }, reason: string, appUrl: string): SellerEmail {
  return {
    subject: `Your listing was not approved: ${p.title}`.slice(0, 300),
    body: `${p.title} was not approved in moderation, so buyers can't see it.\n\nWhy: ${reason || "see the listing for the reason"}\n\nFix the listing and submit it again: ${appUrl}/seller/products/${p.id}\n`,
  };
}

export function reviewReceivedEmail(
  r: { rating: number; title: string; body: string; productId: string; productTitle: string },
  appUrl: string,
): SellerEmail {
  const stars = `${r.rating} star${r.rating === 1 ? "" : "s"}`;
  return {
    subject: `New ${stars} review of ${r.productTitle}`.slice(0, 300),
    body: `A buyer reviewed ${r.productTitle} (${stars}):\n\n"${r.title}"\n${r.body}\n\nRead it and reply: ${appUrl}/products/${r.productId}#reviews\n`,
  };
}

async function queueSellerEmail(
  tx: Tx,
  to: { id: string; email: string; deletedAt: Date | null },
  group: NotificationGroup,
  email: SellerEmail & { template: string; dedupeKey: string },
): Promise<void> {
  if (to.deletedAt) return;
  if (!(await wantsNotification(tx, { userId: to.id, group, channel: "email" }))) return;
  await queueEmail(tx, {
    userId: to.id,
    to: to.email,
    template: email.template,
    subject: email.subject,
    body: email.body,
    dedupeKey: email.dedupeKey,
    footer: emailFooterFor(to.id, group),
  });
}

const PRODUCT_SELECT = {
  id: true,
  title: true,
  seller: { select: { user: { select: { id: true, email: true, deletedAt: true } } } },
} as const;

/** A listing can be approved, edited and approved again: each event is its own email. */
type Meta = { eventId: bigint };

export async function queueListingApprovedEmail(
  tx: Tx,
  e: DomainEvents["listing.approved"],
  meta: Meta,
): Promise<void> {
  const p = await tx.product.findUnique({ where: { id: e.productId }, select: PRODUCT_SELECT });
  if (!p) return;
  await queueSellerEmail(tx, p.seller.user, "listings", {
    ...listingApprovedEmail(p, env().APP_URL),
    template: "listing-approved",
    dedupeKey: `listing:${p.id}:approved:${meta.eventId}`,
  });
}

export async function queueListingRejectedEmail(
  tx: Tx,
  e: DomainEvents["listing.rejected"],
  meta: Meta,
): Promise<void> {
  const p = await tx.product.findUnique({ where: { id: e.productId }, select: PRODUCT_SELECT });
  if (!p) return;
  await queueSellerEmail(tx, p.seller.user, "listings", {
    ...listingRejectedEmail(p, e.reason, env().APP_URL),
    template: "listing-rejected",
    dedupeKey: `listing:${p.id}:rejected:${meta.eventId}`,
  });
}

export async function queueReviewReceivedEmail(tx: Tx, e: DomainEvents["review.received"]): Promise<void> {
  const r = await tx.review.findUnique({
    where: { id: e.reviewId },
    select: {
      id: true,
      rating: true,
      title: true,
      body: true,
      productId: true,
      product: { select: { title: true, seller: PRODUCT_SELECT.seller } },
    },
  });
  // A seller on the daily digest reads it there instead (collect-review-for-digest.ts).
  if (!r || (await wantsDailyDigest(tx, r.product.seller.user.id))) return;
  await queueSellerEmail(tx, r.product.seller.user, "reviews", {
    ...reviewReceivedEmail({ ...r, productTitle: r.product.title }, env().APP_URL),
    template: "review-received",
    dedupeKey: `review:${r.id}:received:seller`,
  });
}
