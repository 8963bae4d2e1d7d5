import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ORDER_DETAIL_SELECT = {
  id: true,
  checkoutId: true,
  buyerId: true,
  sellerId: true,
  status: true,
  subtotalCents: true,
  shippingCents: true,
  totalCents: true,
  platformFeeCents: true,
  commissionBps: true,
  taxCents: true,
  taxInclusive: true,
  taxLabel: true,
  refundedTaxCents: true,
  currency: true,
  chargeCurrency: true,
  chargeTotalCents: true,
  chargeTaxCents: true,
  chargeRefundedCents: true,
  fxRate: true,
  escrowStatus: true,
  releaseBlockedCode: true,
  shippingAddress: true,
  deliveryEarliest: true,
  deliveryLatest: true,
  carrier: true,
  trackingNumber: true,
  reservationExpiresAt: true,
  paidAt: true,
  shippedAt: true,
  deliveredAt: true,
  completedAt: true,
  cancelledAt: true,
  refundedCents: true,
  refundedShippingCents: true,
  cancelledBy: true,
  cancellationReason: true,
  cancellationNote: true,
  createdAt: true,
  buyer: { select: { name: true, email: true } },
  seller: { select: { shopName: true, slug: true } },
  items: {
    orderBy: { id: "asc" },
    select: {
      id: true,
      productId: true,
      variantId: true,
      titleSnapshot: true,
      variantLabel: true,
      quantity: true,
      unitPriceCents: true,
      currency: true,
      refundedQuantity: true,
      taxRateBps: true,
    },
  },
  claims: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      status: true,
      description: true,
      requestedCents: true,
      refundedCents: true,
      decisionNote: true,
      createdAt: true,
      decidedAt: true,
    },
  },
  refunds: {
    where: { appliedAt: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, amountCents: true, shippingCents: true, kind: true, reason: true, createdAt: true },
  },
  transitions: {
    orderBy: { createdAt: "asc" },
    select: { fromStatus: true, toStatus: true, actorType: true, note: true, createdAt: true },
  },
} satisfies Prisma.OrderSelect;

export type OrderDetail = Prisma.OrderGetPayload<{ select: typeof ORDER_DETAIL_SELECT }>;

/** One order for its buyer or its seller (or an admin); anyone else gets "not found". */
export async function getOrderForViewer(opts: {
  orderId: string;
  userId: string;
  sellerId?: string | null;
  isAdmin?: boolean;
}): Promise<OrderDetail & { viewerIs: "buyer" | "seller" | "admin" }> {
  const or: Prisma.OrderWhereInput[] = [{ buyerId: opts.userId }];
  if (opts.sellerId) or.push({ sellerId: opts.sellerId });
  const order = await db().order.findFirst({
    where: { id: opts.orderId, ...(opts.isAdmin ? {} : { OR: or }) },
    select: ORDER_DETAIL_SELECT,
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  const viewerIs =
    order.buyerId === opts.userId ? "buyer" : opts.sellerId && order.sellerId === opts.sellerId ? "seller" : "admin";
  return { ...order, viewerIs };
}
