import type Stripe from "stripe";

import { recordRequestSignal } from "@/lib/auth/record-request-signal";
import type { Tx } from "@/lib/db/client";

/** The card behind a PaymentMethod, expanded or not (an id alone says nothing). */
export function cardOf(pm: string | Stripe.PaymentMethod | null | undefined) {
  if (!pm || typeof pm === "string" || !pm.card) return null;
  return {
    fingerprint: pm.card.fingerprint ?? null,
    country: pm.card.country ?? null,
    funding: pm.card.funding ?? null,
  };
}

/**
 * One payment attempt of a checkout, as a request signal: the card's fingerprint, country and
 * funding type from its PaymentMethod, and the outcome. The attempt reaches us as a webhook, so
 * its IP, device and user agent are those the buyer placed the checkout from.
 */
export async function recordPaymentAttempt(
  tx: Tx,
  opts: {
    checkoutId: string;
    buyerId: string;
    paymentMethod: string | Stripe.PaymentMethod | null | undefined;
    outcome: "succeeded" | "declined";
  },
): Promise<void> {
  const placed = await tx.requestSignal.findFirst({
    where: { subjectId: opts.checkoutId, action: "checkout" },
    orderBy: { createdAt: "desc" },
    select: { ip: true, deviceId: true, userAgent: true },
  });
  await recordRequestSignal(
    {
      userId: opts.buyerId,
      action: "payment",
      subjectId: opts.checkoutId,
      origin: placed ?? { ip: "unknown", deviceId: null, userAgent: "" },
      card: cardOf(opts.paymentMethod) ?? undefined,
      outcome: opts.outcome,
    },
    tx,
  );
}
