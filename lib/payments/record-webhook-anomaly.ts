import type Stripe from "stripe";

import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import type { PaymentMismatch } from "./check-payment-intent";

/**
 * Keeps a webhook event that was acknowledged without effect because something checkable was
 * wrong, in the transaction that records the event as processed (so a replay adds nothing).
 */
export async function recordWebhookAnomaly(
  tx: Tx,
  opts: {
    event: Stripe.Event;
    objectId: string;
    checkoutId?: string | null;
    mismatches: PaymentMismatch[];
    detail: string;
  },
): Promise<void> {
  logger.warn(
    { event: opts.event.id, type: opts.event.type, object: opts.objectId, mismatches: opts.mismatches },
    `webhook not applied: ${opts.detail}`,
  );
  await tx.webhookAnomaly.createMany({
    data: [
      {
        eventId: opts.event.id,
        eventType: opts.event.type,
        objectId: opts.objectId,
        checkoutId: opts.checkoutId ?? null,
        mismatches: opts.mismatches,
        detail: opts.detail.slice(0, 1000),
      },
    ],
    skipDuplicates: true,
  });
}
