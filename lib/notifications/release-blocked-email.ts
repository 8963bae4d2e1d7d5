// The email a seller gets when their payment for a delivered order can't be sent yet: what
// is waiting, why, and what fixes it. Once per order and cause (the dedupe key), so retries
// of the same cause stay quiet and a new cause is told.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { ReleaseBlockCode } from "@/lib/generated/prisma/enums";
import { queueEmail } from "@/lib/mail/queue-email";
import { formatMoney } from "@/lib/money/format-money";
import type { DomainEvents } from "@/lib/outbox/events";
import { releaseBlockFix } from "@/lib/payments/release-block-fix";

import { emailFooterFor } from "./email-footer";

type OrderForReleaseEmail = { id: string; totalCents: number; platformFeeCents: number; currency: string };

const SUBJECT: Record<ReleaseBlockCode, (amount: string, ref: string) => string> = {
  no_payout_account: (amount, ref) => `Connect payouts to receive ${amount} for order ${ref}`,
  payouts_disabled: (amount, ref) => `Finish your payout setup to receive ${amount} for order ${ref}`,
  insufficient_platform_balance: (amount, ref) => `Your payment of ${amount} for order ${ref} is delayed`,
  stripe_error: (amount, ref) => `Your payment of ${amount} for order ${ref} is delayed`,
};

/** The seller's email for a parked release. */
export function releaseBlockedEmail(
  o: OrderForReleaseEmail,
  code: ReleaseBlockCode,
  reason: string,
  appUrl: string,
): { subject: string; body: string } {
  const ref = o.id.slice(0, 8);
  const amount = formatMoney(o.totalCents - o.platformFeeCents, o.currency);
  return {
    subject: SUBJECT[code](amount, ref),
    body:
      `The buyer confirmed delivery of order ${ref}, so ${amount} (${formatMoney(o.totalCents, o.currency)} less the marketplace commission of ${formatMoney(o.platformFeeCents, o.currency)}) is ready for you, but it could not be sent to you yet. It stays safely held until then.\n\n` +
      `Why: ${reason}\n` +
      `What to do: ${releaseBlockFix(code, "seller")}\n\n` +
      `Your payments: ${appUrl}/seller/payments\n`,
  };
}

/** Queues the parked-release email to the order's seller (the subscriber to `order.release_blocked`). */
export async function queueReleaseBlockedEmail(tx: Tx, opts: DomainEvents["order.release_blocked"]): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: opts.orderId },
    select: {
      id: true,
      totalCents: true,
      platformFeeCents: true,
      currency: true,
      seller: { select: { user: { select: { id: true, email: true } } } },
    },
  });
  if (!order) return;
  const email = releaseBlockedEmail(order, opts.code, opts.reason, env().APP_URL);
  const user = order.seller.user;
  await queueEmail(tx, {
    userId: user.id,
    to: user.email,
    template: `release-blocked-${opts.code}`,
    subject: email.subject,
    body: email.body,
    dedupeKey: `release-blocked:${order.id}:${opts.code}`,
    footer: emailFooterFor(user.id, "orders"),
  });
}
