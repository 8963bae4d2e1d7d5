import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getStorage } from "@/lib/storage/get-storage";

import { loadReturnableItems, type ReturnableItem } from "./load-returnable-items";
import { returnEligibility, type ReturnEligibility } from "./return-rules";
import { RETURN_VIEW_SELECT, toReturnView, type ReturnView } from "./return-view";

export type OrderReturns = { eligibility: ReturnEligibility; returnable: ReturnableItem[]; returns: ReturnView[] };

/**
 * An order's returns for its buyer, its seller or an admin (anyone else: not found), with
 * whether more can be asked for and how many of each item.
 */
export async function listOrderReturns(opts: {
  orderId: string;
  userId: string;
  sellerId?: string | null;
  isAdmin?: boolean;
  now?: Date;
}): Promise<OrderReturns> {
  const viewer: Prisma.OrderWhereInput[] = [{ buyerId: opts.userId }];
  if (opts.sellerId) viewer.push({ sellerId: opts.sellerId });
  const order = await db().order.findFirst({
    where: { id: opts.orderId, ...(opts.isAdmin ? {} : { OR: viewer }) },
    select: {
      id: true,
      status: true,
      deliveredAt: true,
      returns: { orderBy: { createdAt: "desc" }, select: RETURN_VIEW_SELECT },
    },
  });
  if (!order) throw new AppError("not_found", "Order not found.");
  const storage = getStorage();
  const returnable = await loadReturnableItems(db(), order.id);
  return {
    eligibility: returnEligibility(order, opts.now ?? new Date(), env().RETURN_WINDOW_DAYS),
    returnable,
    returns: order.returns.map((r) => toReturnView(r, storage)),
  };
}
