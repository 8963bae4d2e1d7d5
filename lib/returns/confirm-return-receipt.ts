import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";

import { claimReturnRefund } from "./claim-return-refund";
import { refundReturn } from "./refund-return";

/**
 * The seller confirms the returned parcel arrived (with or without the carrier's scans): the
 * items go back to stock and the buyer is refunded for them. Confirming again, or twice at
 * once, refunds once; if the refund can't be made right now the queued job makes it later.
 */
export async function confirmReturnReceipt(opts: {
  sellerId: string;
  actorId: string;
  returnId: string;
}): Promise<{ refunded: boolean; amountCents: number | null }> {
  await db().$transaction(async (tx) => {
    const r = await tx.return.findFirst({
      where: { id: opts.returnId, order: { sellerId: opts.sellerId } },
      select: { id: true, status: true, refundTrigger: true },
    });
    if (!r) throw new AppError("not_found", "Return not found.");
    if (r.refundTrigger || r.status === "received" || r.status === "refunded") return;
    if (!["accepted", "in_transit", "delivered"].includes(r.status))
      throw new AppError("conflict", "Only an accepted return can be confirmed as received.");
    await claimReturnRefund(tx, {
      returnId: r.id,
      trigger: "seller_receipt",
      actorType: "seller",
      actorId: opts.actorId,
      from: ["accepted", "in_transit", "delivered"],
      to: "received",
    });
  });
  try {
    const r = await refundReturn(opts.returnId);
    return { refunded: r.outcome !== "not_due", amountCents: r.amountCents };
  } catch (err) {
    if (err instanceof AppError && err.status !== 409) throw err;
    logger.warn({ err, returnId: opts.returnId }, "return refund not made yet; the job retries");
    return { refunded: false, amountCents: null };
  }
}
