import "server-only";

import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

import { NO_PAYOUT_ACCOUNT, PAYOUTS_DISABLED, type ReleaseFailure } from "./classify-release-failure";
import type { ReleaseOutcome } from "./release-outcome";

export type ReleasableOrder = {
  id: string;
  currency: string;
  sellerId: string;
  checkoutId: string;
  releaseBlockedAt: Date | null;
  /** The checkout's currency when the buyer paid in another than the shop's. */
  chargeCurrency?: string | null;
};

export type ReleaseDecision =
  | { outcome: ReleaseOutcome }
  | { park: ReleaseFailure; order: ReleasableOrder; from: OrderStatus }
  | { order: ReleasableOrder; from: OrderStatus; destination: string; chargeId: string };

/**
 * Whether a release may go ahead now: already done or not releasable (an outcome), waiting for
 * the seller's payout account (park it with that cause), or ready, with where the money goes
 * and the charge that funds it. A release resolving a dispute pays from `disputed`, otherwise
 * from `delivered`. A card dispute freezes the order's money until the network decides it.
 */
export async function decideRelease(
  opts: { orderId: string; resolvingDispute?: boolean },
  tx: Tx = db(),
): Promise<ReleaseDecision> {
  const order = await tx.order.findUnique({
    where: { id: opts.orderId },
    select: {
      id: true,
      status: true,
      escrowStatus: true,
      currency: true,
      chargeCurrency: true,
      sellerId: true,
      checkoutId: true,
      releaseBlockedAt: true,
      seller: { select: { stripeAccountId: true, payoutsEnabled: true } },
      checkout: { select: { payments: { where: { status: "succeeded" }, select: { chargeId: true } } } },
    },
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  if (order.escrowStatus === "released") return { outcome: "already_released" };
  if (await tx.chargeback.count({ where: { orderId: order.id, status: "open" } })) return { outcome: "not_releasable" };
  const from: OrderStatus = opts.resolvingDispute ? "disputed" : "delivered";
  if (order.status !== from || order.escrowStatus !== "held") return { outcome: "not_releasable" };
  const releasable = {
    id: order.id,
    currency: order.currency,
    sellerId: order.sellerId,
    checkoutId: order.checkoutId,
    releaseBlockedAt: order.releaseBlockedAt,
    chargeCurrency: order.chargeCurrency,
  };
  const destination = order.seller.stripeAccountId;
  if (!destination) return { park: NO_PAYOUT_ACCOUNT, order: releasable, from };
  if (!order.seller.payoutsEnabled) return { park: PAYOUTS_DISABLED, order: releasable, from };
  const chargeId = order.checkout.payments[0]?.chargeId;
  if (!chargeId) throw new AppError("conflict", "No captured charge for this order.");
  return { order: releasable, from, destination, chargeId };
}
