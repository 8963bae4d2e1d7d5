import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { zCents, zId, zQuantity, zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import { claimWindow } from "./claim-window";

export const CLAIM_KINDS = {
  not_as_described: "Not as described",
  damaged: "Arrived damaged",
  never_arrived: "Never arrived",
} as const;

export const ZClaim = z
  .object({
    kind: z.enum(["not_as_described", "damaged", "never_arrived"], { message: "Choose what went wrong." }),
    description: zText({
      what: "Description",
      min: 10,
      max: 2000,
      multiline: true,
      required: "Describe the problem (at least 10 characters).",
      tooLong: "At most 2000 characters.",
    }),
    amountCents: zCents({ what: "The amount", max: 100_000_000, notNumber: "Whole cents only." }).optional(),
    lines: z
      .array(
        z.object({
          orderItemId: zId("Unknown item."),
          quantity: zQuantity({ what: "Quantity", max: 10_000, tooSmall: "At least 1." }),
        }),
      )
      .max(50)
      .optional(),
  })
  .meta({ id: "Claim", title: "Claim" });

/**
 * A buyer opens a claim on their own order within the protection window, even after the
 * seller was paid; an admin decides it (decideClaim). One open claim per order (a unique
 * index), the order and items checked under the order's lock; the seller is told.
 */
export async function openClaim(opts: {
  buyerId: string;
  orderId: string;
  input: z.input<typeof ZClaim>;
  now?: Date;
}): Promise<{ claimId: string }> {
  const input = parseInput(ZClaim, opts.input);
  if (input.amountCents !== undefined && input.lines?.length)
    throw new AppError("validation_failed", "Ask for either an amount or items, not both.");
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM orders WHERE id = ${opts.orderId}::uuid AND buyer_id = ${opts.buyerId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Order not found.");
    const order = await tx.order.findUniqueOrThrow({
      where: { id: opts.orderId },
      select: {
        id: true,
        status: true,
        createdAt: true,
        deliveredAt: true,
        deliveryLatest: true,
        totalCents: true,
        refundedCents: true,
        subtotalCents: true,
        refundedShippingCents: true,
        items: { select: { id: true, quantity: true, refundedQuantity: true, titleSnapshot: true } },
      },
    });
    const window = claimWindow({
      order,
      kind: input.kind,
      now: opts.now ?? new Date(),
      protectionDays: env().BUYER_PROTECTION_DAYS,
    });
    if (!window.open) throw new AppError("conflict", window.reason);
    if (await tx.claim.count({ where: { orderId: order.id, status: "open" } }))
      throw new AppError("conflict", "You already have an open claim on this order; we'll email you the decision.");
    const goodsLeft = order.subtotalCents - (order.refundedCents - order.refundedShippingCents);
    if (input.amountCents !== undefined && input.amountCents > goodsLeft)
      throw new AppError(
        "conflict",
        `You can ask for at most ${(goodsLeft / 100).toFixed(2)}: what is left of this order's price.`,
        { refundableCents: goodsLeft },
      );
    for (const l of input.lines ?? []) {
      const item = order.items.find((i) => i.id === l.orderItemId);
      if (!item) throw new AppError("validation_failed", "That item is not part of this order.");
      if (l.quantity > item.quantity - item.refundedQuantity)
        throw new AppError(
          "conflict",
          `Only ${item.quantity - item.refundedQuantity} of "${item.titleSnapshot}" can still be claimed.`,
        );
    }
    const claim = await tx.claim.create({
      data: {
        orderId: order.id,
        buyerId: opts.buyerId,
        kind: input.kind,
        description: input.description,
        requestedCents: input.amountCents ?? null,
        lines: input.lines ?? [],
      },
      select: { id: true },
    });
    await emitDomainEvent(tx, "claim.opened", { claimId: claim.id });
    return { claimId: claim.id };
  });
}
