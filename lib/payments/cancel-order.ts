import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";
import type { CancellationReason } from "@/lib/generated/prisma/enums";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order";

import { refundOrder } from "./refund-order";

export const SELLER_CANCEL_REASONS = {
  out_of_stock: "Out of stock",
  cannot_ship: "Can't ship to this address",
  other: "Other reason",
} as const satisfies Partial<Record<CancellationReason, string>>;

const note = zText({ what: "Note", max: 500, multiline: true, tooLong: "At most 500 characters." });

export const ZSellerCancel = z
  .object({
    reason: z.enum(["out_of_stock", "cannot_ship", "other"], { message: "Choose why you are cancelling." }),
    note: note.optional().default(""),
  })
  .refine((v) => v.reason !== "other" || v.note.length >= 5, {
    message: "Say why you are cancelling (at least 5 characters).",
    path: ["note"],
  })
  .meta({ id: "SellerCancel", title: "Cancellation" });
export type TSellerCancelInput = z.input<typeof ZSellerCancel>;

export const ZBuyerCancel = z
  .object({ note: note.optional().default("") })
  .meta({ id: "BuyerCancel", title: "Cancellation" });

const SHIPPED_MESSAGE =
  "This order has already shipped, so it can't be cancelled. Once it arrives you can ask for a return or open a claim.";

export type CancelOutcome = { outcome: "cancelled" | "already_cancelled"; refundedCents: number };

/**
 * Cancels an order before it ships. The buyer may cancel their own order (an unpaid one just
 * releases its stock; a paid one, held for payment review too, is refunded in full); the seller
 * may cancel their own paid order they cannot fulfil, with a reason, which counts in their
 * record. A paid cancellation is one refund under the key `cancel:<order>` with the stock given
 * back; that it has not shipped is checked under the order's lock, and shipping waits for it,
 * so the two never both happen. Repeating it changes nothing. It lives with refunds (not in
 * orders) because payments moves orders, never the other way round.
 */
export async function cancelOrder(
  opts: { orderId: string } & (
    | { by: "buyer"; buyerId: string; input?: z.input<typeof ZBuyerCancel> }
    | { by: "seller"; sellerId: string; actorId: string; input: TSellerCancelInput }
  ),
): Promise<CancelOutcome> {
  const owner = opts.by === "buyer" ? { buyerId: opts.buyerId } : { sellerId: opts.sellerId };
  const order = await db().order.findFirst({
    where: { id: opts.orderId, ...owner },
    select: { id: true, status: true, cancelledBy: true, totalCents: true, refundedCents: true },
  });
  if (!order) throw new AppError("not_found", "Order not found.");

  let reason: CancellationReason;
  let note: string;
  if (opts.by === "seller") {
    ({ reason, note } = parseInput(ZSellerCancel, opts.input ?? {}));
  } else {
    reason = "buyer_request";
    ({ note } = parseInput(ZBuyerCancel, opts.input ?? {}));
  }
  if (order.cancelledBy || order.status === "cancelled")
    return { outcome: "already_cancelled", refundedCents: order.cancelledBy ? order.refundedCents : 0 };
  if (order.status === "pending") {
    if (opts.by === "seller")
      throw new AppError(
        "conflict",
        "This order isn't paid yet; it is cancelled automatically if the buyer doesn't pay.",
      );
    const cancelled = await cancelUnpaidOrder({
      orderId: order.id,
      actorType: "buyer",
      actorId: opts.buyerId,
      note: note ? `Cancelled by the buyer: ${note}` : "Cancelled by the buyer before paying",
    });
    if (cancelled) return { outcome: "cancelled", refundedCents: 0 };
    // The payment arrived meanwhile: cancel the paid order instead.
  }
  if (["shipped", "delivered", "completed", "disputed"].includes(order.status))
    throw new AppError("conflict", SHIPPED_MESSAGE);
  if (order.status === "refunded") throw new AppError("conflict", "This order was already refunded in full.");

  const who = opts.by === "buyer" ? "the buyer" : "the seller";
  const label =
    opts.by === "seller" ? SELLER_CANCEL_REASONS[reason as keyof typeof SELLER_CANCEL_REASONS] : "Buyer's request";
  const result = await refundOrder({
    orderId: order.id,
    ...owner,
    actorType: opts.by,
    actorId: opts.by === "buyer" ? opts.buyerId : opts.actorId,
    reason: `Cancelled by ${who}: ${label}${note ? ` (${note})` : ""}`,
    key: `cancel:${order.id}`,
    kind: "cancellation",
    restock: true,
    requireStatus: { statuses: ["paid"], message: SHIPPED_MESSAGE },
    orderData: {
      cancelledAt: new Date(),
      cancelledBy: opts.by,
      cancellationReason: reason,
      cancellationNote: note || null,
    },
    onApplied: async (tx) => {
      // A payment review still open for this order has nothing left to decide.
      await tx.moderationCase.updateMany({
        where: { subjectType: "order", subjectId: order.id, status: "open" },
        data: { status: "dismissed", resolution: `Order cancelled by ${who}`, resolvedAt: new Date() },
      });
    },
  });
  if (result.outcome === "already_refunded") return { outcome: "already_cancelled", refundedCents: result.amountCents };
  return { outcome: "cancelled", refundedCents: result.amountCents };
}
