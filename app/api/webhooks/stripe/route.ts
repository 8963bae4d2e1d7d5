import { env } from "@/lib/env";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook";

export const dynamic = "force-dynamic";

/** Stripe's platform endpoint: payments, charges, disputes and transfers, signed with STRIPE_WEBHOOK_SECRET. */
export async function POST(req: Request): Promise<Response> {
  return receiveStripeWebhook(req, { secret: env().STRIPE_WEBHOOK_SECRET, scope: "platform" });
}
