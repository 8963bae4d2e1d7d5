import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { transitionOrder } from "@/lib/orders/order-status";

export const DISPUTE_WINDOW_DAYS = 14;

const ZDispute = z.object({
  reason: z
    .string()
    .trim()
    .min(10, "Tell us what went wrong (at least 10 characters).")
    .max(1000, "At most 1000 characters."),
});

/** A buyer disputes their own shipped order, or a delivered one within 14 days: release pauses. */
export async function openDispute(opts: { buyerId: string; orderId: string; input: unknown }): Promise<void> {
  const parsed = ZDispute.safeParse(opts.input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Dispute");
  await db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: opts.orderId, buyerId: opts.buyerId },
      select: { id: true, status: true, deliveredAt: true, escrowStatus: true },
    });
    if (!order) throw new AppError("not_found", "Order not found.");
    if (
      order.status === "delivered" &&
      order.deliveredAt &&
      Date.now() - order.deliveredAt.getTime() > DISPUTE_WINDOW_DAYS * 86_400_000
    ) {
      throw new AppError("conflict", `Disputes can be opened up to ${DISPUTE_WINDOW_DAYS} days after delivery.`);
    }
    await transitionOrder(tx, {
      orderId: order.id,
      to: "disputed",
      actorType: "buyer",
      actorId: opts.buyerId,
      from: ["shipped", "delivered"],
      note: "Buyer opened a dispute",
    });
    await tx.dispute.create({ data: { orderId: order.id, openedById: opts.buyerId, reason: parsed.data.reason } });
  });
}
