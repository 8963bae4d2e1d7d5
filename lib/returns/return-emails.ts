// The emails each step of a return sends, queued by the worker from the step's return.<step>
// outbox event (worker/subscribers.ts), never inside the step's own (possibly money) transaction.
// Once: each email has a dedupe key of return, step and recipient.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { ReturnReason, ReturnStatus } from "@/lib/generated/prisma/enums";
import { queueEmail } from "@/lib/mail/queue-email";
import { TRANSACTIONAL_FOOTERS } from "@/lib/mail/transactional-footers";
import { formatMoney } from "@/lib/money/format-money";

import { returnReasonLabel } from "./return-rules";

export type ReturnEmailStep = ReturnStatus | "label_ready";

type ReturnForEmail = {
  id: string;
  reason: ReturnReason;
  note: string;
  declineReason: string | null;
  adminNote: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  refundedCents: number | null;
  order: {
    id: string;
    currency: string;
    buyer: { id: string; email: string; name: string | null };
    seller: { shopName: string; user: { id: string; email: string } };
  };
  items: { quantity: number; orderItem: { titleSnapshot: string } }[];
};

type Email = { to: "buyer" | "seller"; subject: string; body: string };

/** The emails for a return that has just reached `step`; none for steps nobody needs to hear about. */
export function returnEmails(
  r: ReturnForEmail,
  step: ReturnEmailStep,
  from: ReturnStatus | null,
  appUrl: string,
): Email[] {
  const ref = r.order.id.slice(0, 8);
  const lines = r.items.map((i) => `  ${i.quantity} × ${i.orderItem.titleSnapshot}`).join("\n");
  const hello = r.order.buyer.name ? `Hi ${r.order.buyer.name},` : "Hi,";
  const buyerLink = `${appUrl}/orders/${r.order.id}`;
  const sellerLink = `${appUrl}/seller/returns`;
  switch (step) {
    case "requested":
      return [
        {
          to: "seller",
          subject: `Return requested for order ${ref}`,
          body: `The buyer of order ${ref} would like to return:\n${lines}\n\nReason: ${returnReasonLabel(r.reason)}${r.note ? `\nTheir note: ${r.note}` : ""}\n\nAccept it (the buyer gets a prepaid return label) or decline it with a reason: ${sellerLink}\n`,
        },
      ];
    case "label_ready":
      return [
        {
          to: "buyer",
          subject: `Your return for order ${ref} is accepted: print your label`,
          body: `${hello}\n\nYour return from ${r.order.seller.shopName} is accepted:\n${lines}\n\nPrint the prepaid return label and attach it to the parcel: ${appUrl}/api/v1/returns/${r.id}/label\n${r.carrier ?? "The carrier"} tracking number: ${r.trackingNumber ?? "on the label"}.\n\nYou are refunded for these items once the seller confirms they arrived (or automatically a few days after the carrier delivers them).\n\nFollow your return: ${buyerLink}\n`,
        },
      ];
    case "accepted":
      return from === "escalated"
        ? [
            {
              to: "seller",
              subject: `The marketplace accepted the return for order ${ref}`,
              body: `After reviewing the buyer's request, the marketplace accepted the return of:\n${lines}\n\nDecision: ${r.adminNote ?? "—"}\n\nThe buyer gets a prepaid label; confirm receipt when the parcel arrives: ${sellerLink}\n`,
            },
          ]
        : [];
    case "declined":
      return [
        {
          to: "buyer",
          subject: `Your return request for order ${ref} was declined`,
          body: `${hello}\n\n${r.order.seller.shopName} declined your return request:\n${lines}\n\nTheir reason: ${r.declineReason ?? "—"}\n\nIf you disagree, ask the marketplace to review it from your order page: ${buyerLink}\n`,
        },
      ];
    case "escalated":
      return [
        {
          to: "seller",
          subject: `The buyer asked the marketplace to review your decline (order ${ref})`,
          body: `The buyer of order ${ref} disagrees with your decline of their return. The marketplace will review it and decide; you will hear by email.\n\nReturns: ${sellerLink}\n`,
        },
      ];
    case "rejected":
      return [
        {
          to: "buyer",
          subject: `Decision on your return for order ${ref}: the decline stands`,
          body: `${hello}\n\nThe marketplace reviewed your return request and agrees with the seller.\n\nDecision: ${r.adminNote ?? "—"}\n\nDetails: ${buyerLink}\n`,
        },
        {
          to: "seller",
          subject: `Decision on the return for order ${ref}: your decline stands`,
          body: `The marketplace reviewed the buyer's return request and upheld your decline.\n\nDecision: ${r.adminNote ?? "—"}\n`,
        },
      ];
    case "refunded": {
      const amount = r.refundedCents === null ? "the returned items" : formatMoney(r.refundedCents, r.order.currency);
      return [
        {
          to: "buyer",
          subject: `Refund of ${amount} for your return (order ${ref})`,
          body: `${hello}\n\nYour return to ${r.order.seller.shopName} is complete:\n${lines}\n\n${amount} goes back to your card (banks take 5–10 days to show it).\n\nDetails: ${buyerLink}\n`,
        },
        {
          to: "seller",
          subject: `Return for order ${ref} refunded (${amount})`,
          body: `The buyer was refunded ${amount} for the returned items of order ${ref}:\n${lines}\n\nSee your balance: ${appUrl}/seller/payments\n`,
        },
      ];
    }
    default:
      return [];
  }
}

const EMAILED: ReadonlySet<ReturnEmailStep> = new Set([
  "requested",
  "label_ready",
  "accepted",
  "declined",
  "escalated",
  "rejected",
  "refunded",
]);

/** Queues the emails for a return's step (the subscriber to its return.<step> event). */
export async function queueReturnEmails(
  tx: Tx,
  opts: { returnId: string; to: ReturnEmailStep; from?: ReturnStatus | null },
): Promise<void> {
  if (!EMAILED.has(opts.to)) return;
  const r = await tx.return.findUnique({
    where: { id: opts.returnId },
    select: {
      id: true,
      reason: true,
      note: true,
      declineReason: true,
      adminNote: true,
      carrier: true,
      trackingNumber: true,
      refundedCents: true,
      order: {
        select: {
          id: true,
          status: true,
          currency: true,
          buyer: { select: { id: true, email: true, name: true } },
          seller: { select: { shopName: true, user: { select: { id: true, email: true } } } },
        },
      },
      items: { orderBy: { id: "asc" }, select: { quantity: true, orderItem: { select: { titleSnapshot: true } } } },
    },
  });
  if (!r) return;
  // A return that took the last of the order refunds it whole: the order's own refund emails say so.
  if (opts.to === "refunded" && r.order.status === "refunded") return;
  for (const email of returnEmails(r, opts.to, opts.from ?? null, env().APP_URL)) {
    const user = email.to === "buyer" ? r.order.buyer : r.order.seller.user;
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: `return-${opts.to}-${email.to}`,
      subject: email.subject,
      body: email.body,
      dedupeKey: `return:${r.id}:${opts.to}:${email.to}`,
      footer: TRANSACTIONAL_FOOTERS.order,
    });
  }
}
