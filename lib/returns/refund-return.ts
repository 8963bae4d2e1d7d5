import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { refundOrder } from "@/lib/payments/refund-order";

import { returnReasonLabel } from "./return-rules";
import { transitionReturn } from "./return-status";

export type RefundReturnOutcome = { outcome: "refunded" | "already_refunded" | "not_due"; amountCents: number | null };

/**
 * Refunds a return whose refund is due (claimed by the seller's receipt or the carrier's
 * delivery plus the silent days): exactly the returned items and quantities, plus the shipping
 * the policy decided at the claim, through refundOrder under the key `return:<id>`, so a retry,
 * a double click or two workers at once refund it once. Stock comes back only when the seller
 * confirmed receipt (the claim's restock). Then the return is refunded and both sides emailed.
 */
export async function refundReturn(returnId: string): Promise<RefundReturnOutcome> {
  const r = await db().return.findUnique({
    where: { id: returnId },
    select: {
      id: true,
      status: true,
      reason: true,
      orderId: true,
      refundTrigger: true,
      refundRestock: true,
      shippingRefundCents: true,
      refundedCents: true,
      items: {
        orderBy: { id: "asc" },
        select: { orderItemId: true, quantity: true, orderItem: { select: { titleSnapshot: true } } },
      },
    },
  });
  if (!r) throw new AppError("not_found", "Return not found.");
  if (r.status === "refunded") return { outcome: "already_refunded", amountCents: r.refundedCents };
  if (!r.refundTrigger || !["received", "delivered"].includes(r.status))
    return { outcome: "not_due", amountCents: null };

  const what = r.items.map((i) => `${i.quantity} × ${i.orderItem.titleSnapshot}`).join(", ");
  const refund = await refundOrder({
    orderId: r.orderId,
    actorType: "system",
    reason: `Return ${r.id.slice(0, 8)}: ${what} (${returnReasonLabel(r.reason)})`,
    lines: r.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    shippingCents: r.shippingRefundCents ?? 0,
    key: `return:${r.id}`,
    kind: "return",
    restock: r.refundRestock ?? false,
  });

  return db().$transaction(async (tx) => {
    const note = refund.amountCents > 0 ? `${what} refunded` : "Refunded with the rest of the order";
    const moved = await transitionReturn(tx, {
      returnId: r.id,
      to: "refunded",
      actorType: "system",
      from: ["received", "delivered"],
      note,
      // Nothing of its own when the whole order had been refunded another way first.
      data: { refundId: refund.refundId, refundedCents: refund.amountCents > 0 ? refund.amountCents : null },
    });
    return {
      outcome: moved.changed ? "refunded" : "already_refunded",
      amountCents: refund.amountCents > 0 ? refund.amountCents : null,
    };
  });
}
