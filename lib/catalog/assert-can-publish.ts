import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * A suspended shop may save drafts but not publish. A shop without a payout account may
 * publish: buyers' money waits in escrow, and the seller's payments page asks them to
 * connect payouts (their releases are parked until they do, then run by themselves).
 */
export async function assertCanPublish(tx: Tx, sellerId: string): Promise<void> {
  const seller = await tx.sellerProfile.findUnique({ where: { id: sellerId }, select: { status: true } });
  if (!seller || seller.status !== "active")
    throw new AppError("forbidden", "Your shop is suspended; listings can't be published.");
}
