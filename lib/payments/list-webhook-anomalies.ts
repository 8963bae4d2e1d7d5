import "server-only";

import { db } from "@/lib/db/client";

export type WebhookAnomalyRow = {
  id: string;
  eventId: string;
  eventType: string;
  objectId: string;
  checkoutId: string | null;
  mismatches: string[];
  detail: string;
  createdAt: Date;
};

/** Webhook events that were acknowledged but not applied, newest first, for the admin's money-needing-attention queue. */
export async function listWebhookAnomalies(opts: { limit?: number } = {}): Promise<WebhookAnomalyRow[]> {
  return db().webhookAnomaly.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(opts.limit ?? 50, 1), 200),
    select: {
      id: true,
      eventId: true,
      eventType: true,
      objectId: true,
      checkoutId: true,
      mismatches: true,
      detail: true,
      createdAt: true,
    },
  });
}
