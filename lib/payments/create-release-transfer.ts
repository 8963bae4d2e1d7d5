import "server-only";

import { stripe } from "./stripe-client";

/**
 * The release's Stripe Transfer to the seller's connected account, outside any transaction,
 * funded by the checkout's charge (source_transaction) under the claim's key. The seller is
 * paid in their shop's currency, the amount the ledger has at the checkout's locked rate; when
 * the buyer paid in another currency the charge cannot fund it (Stripe funds a transfer from a
 * charge only in the charge's currency), so it draws on the platform's balance in the seller's
 * currency, which is what the buyer's converted payment replenishes (platform:fx accounts).
 */
export async function createReleaseTransfer(opts: {
  order: { id: string; currency: string; checkoutId: string; chargeCurrency?: string | null };
  destination: string;
  chargeId: string;
  amountCents: number;
  stripeKey: string;
  resolvingDispute?: boolean;
}) {
  const params = {
    amount: opts.amountCents,
    currency: opts.order.currency.toLowerCase(),
    destination: opts.destination,
    transfer_group: opts.order.checkoutId,
    metadata: { order_id: opts.order.id },
  };
  if (opts.order.chargeCurrency && opts.order.chargeCurrency !== opts.order.currency)
    return stripe().transfers.create(params, { idempotencyKey: opts.stripeKey });
  try {
    return await stripe().transfers.create(
      { ...params, source_transaction: opts.chargeId },
      { idempotencyKey: opts.stripeKey },
    );
  } catch (err) {
    // A card dispute took the charge's funds; an admin released anyway, so the platform pays
    // from its own balance (the first attempt failed, so this cannot pay twice).
    if (!opts.resolvingDispute || (err as { type?: string }).type !== "StripeInvalidRequestError") throw err;
    return stripe().transfers.create(params, { idempotencyKey: `${opts.stripeKey}:platform-balance` });
  }
}
