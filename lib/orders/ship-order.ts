import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { openHoldCase } from "./open-hold-case";
import { ZShipment } from "./order-input";
import { transitionOrder } from "./order-status";

/** A seller marks their own paid order shipped, with carrier and tracking number. */
export async function shipOrder(opts: {
  sellerId: string;
  actorId: string;
  orderId: string;
  input: z.input<typeof ZShipment>;
}): Promise<void> {
  const input = parseInput(ZShipment, opts.input);
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
      data: input,
      note: `${input.carrier} ${input.trackingNumber}`,
    });
  });
}
