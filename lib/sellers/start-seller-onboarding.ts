import "server-only";

import { db, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { stripe } from "@/lib/payments/stripe-client";

/**
 * Starts (or resumes) a seller's Stripe Connect Express onboarding: the connected account is
 * created once (idempotency key from the seller), then a fresh account link is returned.
 * `prisma` is for callers with their own client (the demo seed); others use the process's.
 */
export async function startSellerOnboarding(
  opts: { sellerId: string; email: string; appUrl: string },
  prisma: Db = db(),
): Promise<{ url: string }> {
  const seller = await prisma.sellerProfile.findUnique({
    where: { id: opts.sellerId },
    select: { id: true, stripeAccountId: true, shopName: true },
  });
  if (!seller) throw new AppError("not_found", "Shop not found.");
  let accountId = seller.stripeAccountId;
  if (!accountId) {
    // A manual payout schedule: the platform decides when a seller's money leaves (runDailyPayouts,
    // after netting what the seller owes), so Stripe never pays out what the platform still holds.
    const account = await stripe().accounts.create(
      {
        type: "express",
        email: opts.email,
        business_profile: { name: seller.shopName },
        capabilities: { transfers: { requested: true } },
        settings: { payouts: { schedule: { interval: "manual" } } },
        metadata: { seller_id: seller.id },
      },
      { idempotencyKey: `connect-account:${seller.id}` },
    );
    accountId = account.id;
    await prisma.sellerProfile.updateMany({
      where: { id: seller.id, stripeAccountId: null },
      data: {
        stripeAccountId: accountId,
        chargesEnabled: account.charges_enabled,
        payoutsEnabled: account.payouts_enabled,
        detailsSubmitted: account.details_submitted,
      },
    });
  }
  const link = await stripe().accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: `${opts.appUrl}/seller/payments?refresh=1`,
    return_url: `${opts.appUrl}/seller/payments?returned=1`,
  });
  return { url: link.url };
}
