import { db, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { queueParkedReleases } from "./queue-parked-releases";
import { stripe } from "./stripe-client";

/**
 * Starts (or resumes) a seller's Stripe Connect Express onboarding: the connected account is
 * created once (idempotency key from the seller), then a fresh account link is returned.
 * `prisma` is for callers with their own client (the demo seed); others use the process's.
 */
export async function startSellerOnboarding(opts: {
  sellerId: string;
  email: string;
  appUrl: string;
  prisma?: Db;
}): Promise<{ url: string }> {
  const prisma = opts.prisma ?? db();
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

/** Re-reads the connected account after the seller returns, so the dashboard is current even before the webhook. */
export async function refreshSellerAccount(
  sellerId: string,
  opts: { prisma?: Db } = {},
): Promise<{
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: string[];
} | null> {
  const prisma = opts.prisma ?? db();
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
