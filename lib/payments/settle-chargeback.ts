import type Stripe from "stripe";

import type { Tx } from "@/lib/db/client";
import { postChargebackFee } from "@/lib/ledger/post-chargeback-fee";
import { postChargebackLostWhileHeld } from "@/lib/ledger/post-chargeback-lost-while-held";
import { postChargebackWonAfterRelease } from "@/lib/ledger/post-chargeback-won-after-release";
import { transitionOrder } from "@/lib/orders/order-status";

import { disputeFeeCents } from "./dispute-fee-cents";

/**
 * The card network decided a dispute (Stripe status won or lost): each open chargeback of it is
 * closed once. Won: a released order's booking is reversed and a fee Stripe gave back is
 * returned; a held order is unfrozen (its dispute case goes on to an admin). Lost: a released
 * order's booking stays; a held order's escrow goes to the buyer and the order is refunded.
 */
export async function settleChargeback(tx: Tx, opts: { dispute: Stripe.Dispute }): Promise<{ settled: number }> {
  const d = opts.dispute;
  if (d.status !== "won" && d.status !== "lost") return { settled: 0 };
  const outcome = d.status as "won" | "lost";
  const open = await tx.chargeback.findMany({
    where: { stripeDisputeId: d.id, status: "open" },
    orderBy: { orderId: "asc" },
    include: { order: { select: { buyerId: true, sellerId: true, escrowStatus: true } } },
  });
  let settled = 0;
  for (const c of open) {
    const closed = await tx.chargeback.updateMany({
      where: { id: c.id, status: "open" },
      data: { status: outcome, closedAt: new Date() },
    });
    if (closed.count === 0) continue;
    settled++;
    const ids = { orderId: c.orderId, buyerId: c.order.buyerId, sellerId: c.order.sellerId, currency: c.currency };
    if (outcome === "won") {
      if (c.stage === "released")
        await postChargebackWonAfterRelease(tx, {
          ...ids,
          key: `chargeback-won:${d.id}:${c.orderId}`,
          sellerShareCents: c.sellerShareCents,
          commissionCents: c.commissionCents,
        });
      const returnedFee = c.feeCents - Math.max(0, disputeFeeCents(d));
      if (returnedFee > 0)
        await postChargebackFee(tx, {
          orderId: c.orderId,
          currency: c.currency,
          feeCents: returnedFee,
          key: `chargeback-fee-returned:${d.id}`,
          returned: true,
        });
    } else if (c.stage === "held" && c.order.escrowStatus === "held") {
      const order = await tx.order.findUniqueOrThrow({
        where: { id: c.orderId },
        select: { totalCents: true, refundedCents: true, taxCents: true, refundedTaxCents: true },
      });
      await postChargebackLostWhileHeld(tx, {
        ...ids,
        key: `chargeback-lost:${d.id}:${c.orderId}`,
        amountCents: order.totalCents - order.refundedCents,
        taxCents: order.taxCents - order.refundedTaxCents,
      });
      await transitionOrder(tx, {
        orderId: c.orderId,
        to: "refunded",
        actorType: "webhook",
        note: "Card dispute lost: the card network returned the payment to the buyer",
        data: { escrowStatus: "refunded" },
      });
      await tx.dispute.updateMany({
        where: { orderId: c.orderId, status: "open", stripeDisputeId: { startsWith: `${d.id}:` } },
        data: { status: "resolved_refunded", resolvedAt: new Date(), resolutionNote: "Card dispute lost" },
      });
    }
  }
  return { settled };
}
