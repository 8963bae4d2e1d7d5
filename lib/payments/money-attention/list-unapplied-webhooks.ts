import "server-only";

import { listWebhookAnomalies } from "../list-webhook-anomalies";
import type { MoneyAttentionQuery, MoneyAttentionSection } from "./money-attention-types";

/** Stripe events acknowledged but not applied, because they did not match what we know. */
export async function listUnappliedWebhooks({ take }: MoneyAttentionQuery): Promise<MoneyAttentionSection> {
  const anomalies = await listWebhookAnomalies({ limit: take });
  return {
    key: "webhook_anomalies",
    title: "Webhook events not applied",
    description: "Stripe events that were acknowledged but did not match what we know, so nothing was changed.",
    rows: anomalies.map((a) => ({
      id: a.id,
      title: `${a.eventType} · ${a.objectId}`,
      amountCents: null,
      currency: "USD",
      since: a.createdAt,
      reason: `${a.detail} (mismatch: ${a.mismatches.join(", ")})`,
      fix: a.checkoutId
        ? "Compare the payment in the Stripe dashboard with the checkout; refund it there if it should not have been taken."
        : "Look the object up in the Stripe dashboard.",
      ledger: null,
      retryReleaseOf: null,
    })),
  };
}
