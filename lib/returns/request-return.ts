import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import { attachReturnImages } from "./attach-return-images";
import { loadReturnableItems } from "./load-returnable-items";
import { ZRequestReturn } from "./return-input";
import { returnEligibility } from "./return-rules";

/**
 * A buyer asks to return some items of their own delivered (or completed) order within the
 * return window: which items and how many, why, a note and up to five of their own photos.
 * Never more of an item than was bought minus what is already being returned or refunded, and
 * one open return per item (the order row is locked, and a partial unique index backs it).
 * The seller is emailed in the same transaction.
 */
export async function requestReturn(opts: {
  buyerId: string;
  orderId: string;
  input: z.input<typeof ZRequestReturn>;
  now?: Date;
}): Promise<{ returnId: string }> {
  const input = parseInput(ZRequestReturn, opts.input);
  const now = opts.now ?? new Date();
  const ids = input.items.map((i) => i.order_item_id);
  if (new Set(ids).size !== ids.length)
    throw new AppError("validation_failed", "Each item can be listed once; set its quantity instead.", {
      fields: { items: "duplicate item" },
    });
  try {
    return await db().$transaction(async (tx) => {
      // Serializes requests on one order, so two tabs can't both take the last unit.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM orders WHERE id = ${opts.orderId}::uuid AND buyer_id = ${opts.buyerId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("not_found", "Order not found.");
      const order = await tx.order.findUniqueOrThrow({
        where: { id: opts.orderId },
        select: { id: true, status: true, deliveredAt: true },
      });
      const eligible = returnEligibility(order, now, env().RETURN_WINDOW_DAYS);
      if (!eligible.ok) throw new AppError("conflict", eligible.message, { reason: eligible.code });

      const items = await loadReturnableItems(tx, order.id);
      for (const line of input.items) {
        const item = items.find((i) => i.id === line.order_item_id);
        if (!item)
          throw new AppError("validation_failed", "That item is not part of this order.", {
            fields: { items: "not in this order" },
          });
        if (item.openReturnId)
          throw new AppError(
            "conflict",
            `"${item.title}" already has an open return. Wait for it to finish before asking again.`,
            { fields: { items: "open return" } },
          );
        if (line.quantity > item.returnable) {
          throw new AppError(
            "validation_failed",
            item.returnable === 0
              ? `"${item.title}" has already been returned or refunded in full.`
              : `You can return at most ${item.returnable} of "${item.title}" (you bought ${item.quantity}${item.quantity > item.returnable ? `; ${item.quantity - item.returnable} already returned or refunded` : ""}).`,
            { fields: { items: "too many" } },
          );
        }
      }

      const created = await tx.return.create({
        data: {
          orderId: order.id,
          reason: input.reason,
          note: input.note,
          createdAt: now,
          items: { create: input.items.map((l) => ({ orderItemId: l.order_item_id, quantity: l.quantity })) },
        },
        select: { id: true },
      });
      await attachReturnImages(tx, { returnId: created.id, userId: opts.buyerId, uploadIds: input.images });
      await tx.returnStatusChange.create({
        data: {
          returnId: created.id,
          fromStatus: null,
          toStatus: "requested",
          actorType: "buyer",
          actorId: opts.buyerId,
          note: null,
          createdAt: now,
        },
      });
      await emitDomainEvent(tx, "return.requested", { returnId: created.id, from: null });
      return { returnId: created.id };
    });
  } catch (err) {
    // A concurrent request for the same item got past the checks first; the partial unique index decided.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError(
        "conflict",
        "One of these items already has an open return, or a photo is already on another return.",
      );
    throw err;
  }
}
