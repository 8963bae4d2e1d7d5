import type Stripe from "stripe";

import type { Tx } from "@/lib/db/client";
import { postChargebackAfterRelease } from "@/lib/ledger/post-chargeback-after-release";
import { postChargebackFee } from "@/lib/ledger/post-chargeback-fee";

import { disputeFeeCents } from "./dispute-fee-cents";

/**
 * Spreads a disputed amount over the charge's orders (oldest id first), each up to what is left
 * of it after refunds, so a checkout's orders together never give back more than was disputed.
 */
function allocateDisputedAmount(amountCents: number, orders: { id: string; netCents: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  let left = amountCents;
  for (const o of [...orders].sort((a, b) => a.id.localeCompare(b.id))) {
    const take = Math.max(0, Math.min(left, o.netCents));
    out.set(o.id, take);
    left -= take;
  }
  return out;
}

/**
 * A card dispute opened on the charge of a checkout: one chargeback per order of it, in the
 * webhook's transaction. A held order is frozen (its release refused while open); a released
 * order's amount is booked back now (seller's share from their payable, then as a receivable;
 * the commission part from the platform), and the fee once, as the platform's loss. Repeats
 * change nothing (one chargeback per dispute and order; ledger references are unique).
 */
export async function recordChargeback(tx: Tx, opts: { dispute: Stripe.Dispute }): Promise<{ orders: string[] }> {
  const d = opts.dispute;
  const chargeId = typeof d.charge === "string" ? d.charge : d.charge.id;
  const payment = await tx.payment.findUnique({ where: { chargeId }, select: { checkoutId: true } });
  if (!payment) return { orders: [] };
  await tx.$queryRaw`SELECT id FROM orders WHERE checkout_id = ${payment.checkoutId}::uuid ORDER BY id FOR UPDATE`;
  const orders = await tx.order.findMany({
    where: { checkoutId: payment.checkoutId, escrowStatus: { in: ["held", "released"] } },
    select: {
      id: true,
      buyerId: true,
      sellerId: true,
      currency: true,
      escrowStatus: true,
      totalCents: true,
      refundedCents: true,
      platformFeeCents: true,
      refundedFeeCents: true,
    },
  });
  const shares = allocateDisputedAmount(
    d.amount,
    orders.map((o) => ({ id: o.id, netCents: o.totalCents - o.refundedCents })),
  );
  const feeCents = disputeFeeCents(d);
  const recorded: string[] = [];
  for (const [i, o] of [...orders].sort((a, b) => a.id.localeCompare(b.id)).entries()) {
    const amountCents = shares.get(o.id) ?? 0;
    const net = o.totalCents - o.refundedCents;
    // The commission's part of what is disputed, in proportion, rounded down (the seller's part takes the cent).
    const commissionLeft = o.platformFeeCents - o.refundedFeeCents;
    const commissionCents = net > 0 ? Math.floor((commissionLeft * amountCents) / net) : 0;
    const released = o.escrowStatus === "released";
    const created = await tx.chargeback.createMany({
      data: [
        {
          stripeDisputeId: d.id,
          chargeId,
          orderId: o.id,
          stage: released ? "released" : "held",
          reason: d.reason.slice(0, 100),
          amountCents,
          sellerShareCents: released ? amountCents - commissionCents : 0,
          commissionCents: released ? commissionCents : 0,
          feeCents: i === 0 ? feeCents : 0,
          currency: o.currency,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) continue;
    recorded.push(o.id);
    const key = `chargeback:${d.id}:${o.id}`;
    if (released)
      await postChargebackAfterRelease(tx, {
        orderId: o.id,
        buyerId: o.buyerId,
        sellerId: o.sellerId,
        currency: o.currency,
        key,
        sellerShareCents: amountCents - commissionCents,
        commissionCents,
      });
    if (i === 0 && feeCents > 0)
      await postChargebackFee(tx, { orderId: o.id, currency: o.currency, feeCents, key: `chargeback-fee:${d.id}` });
  }
  return { orders: recorded };
}
