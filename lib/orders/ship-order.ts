import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { openHoldCase } from "./open-hold-case";
import { transitionOrder } from "./order-status";

export const ZShipment = z.object({
  carrier: z.string().trim().min(2, "Enter the carrier.").max(50, "Carrier must be at most 50 characters."),
  trackingNumber: z
    .string()
    .trim()
    .min(4, "Enter the tracking number.")
    .max(100, "Tracking number must be at most 100 characters.")
    .regex(/^[A-Za-z0-9 -]+$/, "Tracking numbers use letters, digits, spaces and hyphens."),
});

/** A seller marks their own paid order shipped, with carrier and tracking number. */
export async function shipOrder(opts: {
  sellerId: string;
  actorId: string;
  orderId: string;
  input: unknown;
}): Promise<void> {
  const parsed = ZShipment.safeParse(opts.input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Shipment");
  await db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: opts.orderId, sellerId: opts.sellerId },
      select: { id: true },
    });
    if (!order) throw new AppError("not_found", "Order not found.");
    if (await openHoldCase(tx, order.id))
      throw new AppError(
        "conflict",
        "This order is on hold while we review its payment. Don't ship it yet: we'll email you when it's cleared.",
      );
    // Under the order's lock: a cancellation claims its refund under the same lock, so it
    // either lands first (and this refuses) or finds the order shipped.
    await tx.$queryRaw`SELECT id FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
    if (await tx.refund.count({ where: { orderId: order.id, kind: "cancellation", status: { not: "failed" } } }))
      throw new AppError("conflict", "This order was cancelled, so it must not be shipped.");
    await transitionOrder(tx, {
      orderId: order.id,
      to: "shipped",
      actorType: "seller",
      actorId: opts.actorId,
      from: ["paid"],
      data: parsed.data,
      note: `${parsed.data.carrier} ${parsed.data.trackingNumber}`,
    });
  });
}
