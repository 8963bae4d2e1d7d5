import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

import { renderReturnLabel } from "./render-return-label";
import { isStoredAddress } from "./return-address";
import { returnReasonLabel } from "./return-rules";

/**
 * The return label PDF, for the order's buyer, its seller or an admin (anyone else: not found),
 * once the carrier has issued it. Rendered from the stored label facts, so every copy is the same.
 */
export async function getReturnLabel(opts: {
  returnId: string;
  userId: string;
  sellerId?: string | null;
  isAdmin?: boolean;
}): Promise<{ pdf: Uint8Array; fileName: string }> {
  const viewer: Prisma.OrderWhereInput[] = [{ buyerId: opts.userId }];
  if (opts.sellerId) viewer.push({ sellerId: opts.sellerId });
  const r = await db().return.findFirst({
    where: { id: opts.returnId, ...(opts.isAdmin ? {} : { order: { OR: viewer } }) },
    select: {
      id: true,
      status: true,
      reason: true,
      carrier: true,
      trackingNumber: true,
      labelCreatedAt: true,
      returnAddress: true,
      items: { orderBy: { id: "asc" }, select: { quantity: true, orderItem: { select: { titleSnapshot: true } } } },
      order: { select: { id: true, shippingAddress: true, seller: { select: { shopName: true } } } },
    },
  });
  if (!r) throw new AppError("not_found", "Return not found.");
  if (["requested", "declined", "escalated", "rejected"].includes(r.status))
    throw new AppError("conflict", "This return has not been accepted, so it has no label.");
  if (r.status === "cancelled")
    throw new AppError("conflict", "This return was withdrawn; its label is no longer valid.");
  if (
    !r.trackingNumber ||
    !r.labelCreatedAt ||
    !isStoredAddress(r.returnAddress) ||
    !isStoredAddress(r.order.shippingAddress)
  ) {
    throw new AppError("conflict", "The carrier is still preparing this label. Try again in a minute.", {
      retryAfterSeconds: 60,
    });
  }
  const pdf = await renderReturnLabel({
    returnId: r.id,
    orderId: r.order.id,
    carrier: r.carrier ?? "Carrier",
    trackingNumber: r.trackingNumber,
    issuedAt: r.labelCreatedAt,
    from: r.order.shippingAddress,
    to: { ...r.returnAddress, attention: `${r.order.seller.shopName} returns` },
    items: r.items.map((i) => ({ title: i.orderItem.titleSnapshot, quantity: i.quantity })),
    reason: returnReasonLabel(r.reason),
  });
  return { pdf, fileName: `return-label-${r.trackingNumber}.pdf` };
}
