// The emails a claim sends: opened (the buyer's receipt, and the seller told) and rejected
// (both told why). A refunded claim is told by the refund's own emails. Queued by the worker from
// the claim.opened / claim.decided outbox events, once per claim, event and recipient.
import "server-only";

import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/mail/queue-email";
import { TRANSACTIONAL_FOOTERS } from "@/lib/mail/transactional-footers";
import { formatMoney } from "@/lib/money/format-money";

const KIND: Record<string, string> = {
  not_as_described: "not as described",
  damaged: "arrived damaged",
  never_arrived: "never arrived",
};

type ClaimForEmail = {
  id: string;
  kind: string;
  description: string;
  requestedCents: number | null;
  decisionNote: string | null;
  order: {
    id: string;
    currency: string;
    buyer: { id: string; email: string; name: string | null };
    seller: { shopName: string; user: { id: string; email: string } };
  };
};

type Email = { to: "buyer" | "seller"; subject: string; body: string };

export function claimEmails(c: ClaimForEmail, event: "opened" | "rejected", appUrl: string): Email[] {
  const ref = c.order.id.slice(0, 8);
  const hello = c.order.buyer.name ? `Hi ${c.order.buyer.name},` : "Hi,";
  const asked = c.requestedCents ? ` (asking for ${formatMoney(c.requestedCents, c.order.currency)})` : "";
  if (event === "opened") {
    return [
      {
        to: "buyer",
        subject: `We received your claim on order ${ref}`,
        body: `${hello}\n\nYou reported that order ${ref} from ${c.order.seller.shopName} ${KIND[c.kind] ?? c.kind}${asked}. The marketplace will review it and email you the decision; a refund, if granted, goes back to your card.\n\nYour order: ${appUrl}/orders/${c.order.id}\n`,
      },
      {
        to: "seller",
        subject: `A buyer opened a claim on order ${ref}`,
        body: `The buyer of order ${ref} reports it ${KIND[c.kind] ?? c.kind}${asked}:\n\n  ${c.description}\n\nThe marketplace decides claims. If it refunds the buyer after you were paid, that amount is taken back from your balance or netted from your next payout.\n\nOrder: ${appUrl}/orders/${c.order.id}\n`,
      },
    ];
  }
  return [
    {
      to: "buyer",
      subject: `Your claim on order ${ref} was not accepted`,
      body: `${hello}\n\nWe reviewed your claim on order ${ref} from ${c.order.seller.shopName} and could not accept it: ${c.decisionNote ?? ""}\n\nYour order: ${appUrl}/orders/${c.order.id}\n`,
    },
    {
      to: "seller",
      subject: `The claim on order ${ref} was rejected`,
      body: `The buyer's claim on order ${ref} was rejected; nothing changes for your payment.\n\nOrder: ${appUrl}/orders/${c.order.id}\n`,
    },
  ];
}

export async function queueClaimEmails(tx: Tx, opts: { claimId: string; event: "opened" | "rejected" }): Promise<void> {
  const claim = await tx.claim.findUnique({
    where: { id: opts.claimId },
    select: {
      id: true,
      kind: true,
      description: true,
      requestedCents: true,
      decisionNote: true,
      order: {
        select: {
          id: true,
          currency: true,
          buyer: { select: { id: true, email: true, name: true } },
          seller: { select: { shopName: true, user: { select: { id: true, email: true } } } },
        },
      },
    },
  });
  if (!claim) return;
  for (const email of claimEmails(claim, opts.event, env().APP_URL)) {
    const user = email.to === "buyer" ? claim.order.buyer : claim.order.seller.user;
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: `claim-${opts.event}-${email.to}`,
      subject: email.subject,
      body: email.body,
      dedupeKey: `claim:${claim.id}:${opts.event}:${email.to}`,
      footer: TRANSACTIONAL_FOOTERS.order,
    });
  }
}
