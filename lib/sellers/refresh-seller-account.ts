import "server-only";

import { db, type Db } from "@/lib/db/client";
import { queueParkedReleases } from "@/lib/payments/queue-parked-releases";
import { stripe } from "@/lib/payments/stripe-client";

/** Re-reads the connected account after the seller returns, so the dashboard is current even before the webhook. */
export async function refreshSellerAccount(
  opts: { sellerId: string },
  prisma: Db = db(),
): Promise<{
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: string[];
} | null> {
  const { sellerId } = opts;
  const seller = await prisma.sellerProfile.findUnique({ where: { id: sellerId }, select: { stripeAccountId: true } });
  const accountId = seller?.stripeAccountId;
  if (!accountId) return null;
  const account = await stripe().accounts.retrieve(accountId);
  const state = {
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
  };
  await prisma.$transaction(async (tx) => {
    await tx.sellerProfile.update({ where: { id: sellerId }, data: state });
    // The seller may be back before Stripe's account.updated: their waiting releases run now.
    if (state.payoutsEnabled) await queueParkedReleases(tx, { stripeAccountId: accountId });
  });
  return { ...state, requirements: account.requirements?.currently_due ?? [] };
}
