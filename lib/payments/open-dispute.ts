import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";
import { transitionOrder } from "@/lib/orders/order-status";

export const DISPUTE_WINDOW_DAYS = 14;

export const ZDispute = z
  .object({
    reason: zText({
      what: "Reason",
      min: 10,
      max: 1000,
      multiline: true,
      required: "Tell us what went wrong (at least 10 characters).",
      tooLong: "At most 1000 characters.",
    }),
  })
  .meta({ id: "Dispute", title: "Dispute" });

/** A buyer disputes their own shipped order, or a delivered one within 14 days: release pauses. */
export async function openDispute(opts: {
  buyerId: string;
  orderId: string;
  input: z.input<typeof ZDispute>;
}): Promise<void> {
  const input = parseInput(ZDispute, opts.input);
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
    await tx.dispute.create({ data: { orderId: order.id, openedById: opts.buyerId, reason: input.reason } });
  });
}
