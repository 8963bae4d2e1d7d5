import { env } from "@/lib/env";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook";

export const dynamic = "force-dynamic";

/** Stripe's Connect endpoint: connected accounts' events (account.updated, payout.*), signed with STRIPE_CONNECT_WEBHOOK_SECRET. */
export async function POST(req: Request): Promise<Response> {
  return receiveStripeWebhook(req, { secret: env().STRIPE_CONNECT_WEBHOOK_SECRET, scope: "connect" });
}
