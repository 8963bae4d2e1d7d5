import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** A seller whose payout account cannot receive transfers may save drafts but not publish. */
export async function assertCanPublish(tx: Tx, sellerId: string): Promise<void> {
  const seller = await tx.sellerProfile.findUnique({ where: { id: sellerId }, select: { payoutsEnabled: true, status: true } });
  if (!seller || seller.status !== "active") throw new AppError("forbidden", "Your shop is suspended; listings can't be published.");
  if (!seller.payoutsEnabled) throw new AppError("conflict", "Connect your payout account (Seller dashboard › Payments) before publishing: buyers' money is released to it.");
}
