// The demo shops get a working payout account, so a new user who buys, ships and confirms sees
// the seller paid minus commission. Each shop onboards as a real seller does: the app's own
// onboarding creates the connected account through the stripe SDK, then the hosted onboarding
// page the account link points to is submitted ("Complete verification"), and the account is
// re-read. Only the local Stripe emulator's hosted page can be submitted by a program; with a
// real Stripe key the demo shops connect from /seller/payments like anyone else.
//
// `npm start` runs this on every start after seeding: it only touches demo shops still without
// an account, so an interrupted run finishes next time. Sellers who sign up start without one.
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshSellerAccount } from "@/lib/sellers/refresh-seller-account";
import { startSellerOnboarding } from "@/lib/sellers/start-seller-onboarding";

import { DEMO_SHOPS } from "./demo-shops";

export async function connectDemoPayouts(opts: {
  db: PrismaClient;
  log?: (line: string) => void;
}): Promise<{ connected: number }> {
  const log = opts.log ?? (() => {});
  const { APP_URL: appUrl, STRIPE_API_BASE: stripeApiBase } = env();
  const shops = await opts.db.sellerProfile.findMany({
    where: { slug: { in: DEMO_SHOPS.map((s) => s.slug) }, OR: [{ stripeAccountId: null }, { payoutsEnabled: false }] },
    select: { id: true, shopName: true, user: { select: { email: true } } },
    orderBy: { slug: "asc" },
  });
  if (shops.length === 0) return { connected: 0 };
  if (!stripeApiBase) {
    log(`${shops.length} demo shops have no payout account: with real Stripe they connect at /seller/payments`);
    return { connected: 0 };
  }
  let connected = 0;
  for (const shop of shops) {
    const { url } = await startSellerOnboarding({ sellerId: shop.id, email: shop.user.email, appUrl }, opts.db);
    if (!url.startsWith(stripeApiBase))
      throw new Error(`connectDemoPayouts: the onboarding link ${url} is not the Stripe emulator's`);
    const res = await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    if (res.status !== 303)
      throw new Error(`connectDemoPayouts: the emulator's onboarding page answered ${res.status} for ${shop.shopName}`);
    const account = await refreshSellerAccount({ sellerId: shop.id }, opts.db);
    if (account?.payoutsEnabled) connected++;
  }
  log(`connected ${connected} demo shops to payout accounts on the Stripe emulator`);
  return { connected };
}
