import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import {
  addressKey,
  checkoutRiskScore,
  checkoutRiskSignals,
  REVIEW_THRESHOLD,
  type CheckoutRiskFacts,
} from "./checkout-risk";

const HOUR = 3_600_000;

async function gatherFacts(
  tx: Tx,
  checkoutId: string,
): Promise<{ facts: CheckoutRiskFacts; orderIds: string[] } | null> {
  const checkout = await tx.checkout.findUnique({
    where: { id: checkoutId },
    select: {
      buyerId: true,
      totalCents: true,
      shippingAddress: true,
      buyer: { select: { createdAt: true } },
      orders: { where: { status: "pending" }, select: { id: true }, orderBy: { id: "asc" } },
    },
  });
  if (!checkout || checkout.orders.length === 0) return null;
  const now = Date.now();
  const address = checkout.shippingAddress as { line1?: string; line2?: string | null; postalCode?: string };
  const key = addressKey(address.line1 ?? "", address.postalCode ?? "");
  const postalVariants = [
    ...new Set([address.postalCode ?? "", key.postal, (address.postalCode ?? "").toUpperCase()]),
  ].filter(Boolean);
  const [checkoutsLastHour, failedPaymentsLast24h, sameAddress, disputes, refunds, completedOrders] = await Promise.all(
    [
      tx.checkout.count({ where: { buyerId: checkout.buyerId, createdAt: { gte: new Date(now - HOUR) } } }),
      tx.payment.count({
        where: {
          status: "failed",
          updatedAt: { gte: new Date(now - 24 * HOUR) },
          checkout: { buyerId: checkout.buyerId },
        },
      }),
      tx.address.findMany({
        where: { postalCode: { in: postalVariants }, userId: { not: checkout.buyerId } },
        select: { userId: true, line1: true, postalCode: true },
        take: 500,
      }),
      tx.dispute.count({ where: { openedById: checkout.buyerId, createdAt: { gte: new Date(now - 90 * 24 * HOUR) } } }),
      tx.refund.count({
        where: { order: { buyerId: checkout.buyerId }, createdAt: { gte: new Date(now - 90 * 24 * HOUR) } },
      }),
      tx.order.count({ where: { buyerId: checkout.buyerId, status: "completed" } }),
    ],
  );
  const others = new Set(
    sameAddress.filter((a) => addressKey(a.line1, a.postalCode).line1 === key.line1).map((a) => a.userId),
  );
  return {
    orderIds: checkout.orders.map((o) => o.id),
    facts: {
      accountAgeHours: (now - checkout.buyer.createdAt.getTime()) / HOUR,
      totalCents: checkout.totalCents,
      checkoutsLastHour,
      failedPaymentsLast24h,
      otherAccountsAtAddress: others.size,
      shippingLine1: address.line1 ?? "",
      shippingLine2: address.line2 ?? null,
      recentDisputesOrRefunds: disputes + refunds,
      completedOrders,
    },
  };
}

/**
 * Scores a checkout whose payment just succeeded, inside the capture's transaction and before
 * its orders become paid: the signals are recorded against each order, and a risky checkout's
 * orders get an open review case, which holds them (no shipping, no release) until an admin
 * decides. Runs once: later deliveries of the same payment find no pending order.
 */
export async function scoreCheckoutRisk(
  tx: Tx,
  opts: { checkoutId: string },
): Promise<{ score: number; held: boolean } | null> {
  const gathered = await gatherFacts(tx, opts.checkoutId);
  if (!gathered) return null;
  const signals = checkoutRiskSignals(gathered.facts);
  const score = checkoutRiskScore(signals, gathered.facts.completedOrders);
  const held = score >= REVIEW_THRESHOLD;
  const details = { checkoutId: opts.checkoutId, signals, facts: gathered.facts } as unknown as Prisma.InputJsonValue;
  for (const orderId of gathered.orderIds) {
    await tx.fraudSignal.create({
      data: { subjectType: "order", subjectId: orderId, kind: "checkout.risk", score, details },
    });
    if (held) {
      await tx.moderationCase.create({
        data: {
          subjectType: "order",
          subjectId: orderId,
          status: "open",
          reasons: signals.map((s) => ({
            code: s.kind,
            message: s.message,
            score: s.score,
          })) as unknown as Prisma.InputJsonValue,
        },
      });
      // Dispatched after the capture commits, when the order is paid: the seller is told not to ship.
      await emitDomainEvent(tx, "order.held", { orderId });
    }
  }
  return { score, held };
}
