import { z } from "zod";

import { verifyCarrierWebhook } from "@/lib/carriers/verify-carrier-webhook";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { syncReturnTracking } from "@/lib/returns/sync-return-tracking";

export const dynamic = "force-dynamic";

const ZTrackingEvent = z.object({
  type: z.literal("tracking.updated"),
  data: z.object({ tracking_number: z.string().min(1).max(100) }),
});

/**
 * The carrier's tracking webhook. The signature is checked on the raw body; the event is only
 * a nudge: the tracking is read back from the carrier, so a replay changes nothing. A failure
 * answers 500 so the carrier retries (and the worker's poll catches up anyway).
 */
export async function POST(req: Request): Promise<Response> {
  const raw = await req.text();
  const secret = env().CARRIER_WEBHOOK_SECRET;
  if (!secret)
    return Response.json(
      {
        error: {
          code: "unavailable",
          message: "Carrier webhooks are not configured (CARRIER_WEBHOOK_SECRET); tracking is polled.",
        },
      },
      { status: 503 },
    );
  if (!verifyCarrierWebhook({ rawBody: raw, header: req.headers.get("carrier-signature"), secret })) {
    return Response.json(
      { error: { code: "bad_request", message: "Invalid or expired webhook signature." } },
      { status: 400 },
    );
  }
  let event: z.infer<typeof ZTrackingEvent>;
  try {
    event = ZTrackingEvent.parse(JSON.parse(raw));
  } catch {
    return Response.json({ received: true, outcome: "ignored" });
  }
  try {
    const outcome = await syncReturnTracking({ trackingNumber: event.data.tracking_number, actorType: "webhook" });
    return Response.json({ received: true, outcome });
  } catch (err) {
    logger.error({ err, tracking: event.data.tracking_number }, "carrier webhook handling failed");
    return Response.json(
      { error: { code: "internal", message: "Tracking update failed; the carrier will retry." } },
      { status: 500 },
    );
  }
}
