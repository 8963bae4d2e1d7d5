import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { ZBuyerReview } from "../review-input";
import { reviewEligibility } from "../review-rules";

const ALREADY = "You have already rated the buyer for this order.";

/**
 * A seller rates the buyer of one of their own delivered orders (rating and a short note),
 * once per order and within the same window buyers have. Only sellers ever see these.
 */
export async function rateBuyer(opts: {
  sellerId: string;
  orderId: string;
  input: z.input<typeof ZBuyerReview>;
  now?: Date;
}): Promise<{ buyerReviewId: string }> {
  const input = parseInput(ZBuyerReview, opts.input);
  try {
    return await db().$transaction(async (tx) => {
      const order = await tx.order.findFirst({
        where: { id: opts.orderId, sellerId: opts.sellerId },
        select: {
          id: true,
          buyerId: true,
          status: true,
          deliveredAt: true,
          completedAt: true,
          buyerReview: { select: { id: true } },
        },
      });
      if (!order) throw new AppError("not_found", "Order not found.");
      const eligible = reviewEligibility(order, opts.now);
      if (!eligible.ok)
        throw new AppError(
          "conflict",
          eligible.code === "not_delivered" ? "You can rate the buyer once delivery is confirmed." : eligible.message,
          { reason: eligible.code },
        );
      if (order.buyerReview) throw new AppError("conflict", ALREADY);
      const created = await tx.buyerReview.create({
        data: {
          orderId: order.id,
          sellerId: opts.sellerId,
          buyerId: order.buyerId,
          rating: input.rating,
          note: input.note,
        },
        select: { id: true },
      });
      await recordOutboxEvent(tx, {
        aggregateType: "order",
        aggregateId: order.id,
        eventType: "order.buyer_rated",
        payload: { rating: input.rating },
      });
      return { buyerReviewId: created.id };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw new AppError("conflict", ALREADY);
    throw err;
  }
}
