import { z } from "zod";

const base64url = (what: string, min: number, max: number) =>
  z
    .string()
    .min(min, `${what} is too short.`)
    .max(max, `${what} is too long.`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `${what} must be base64url.`);

/** A browser's PushSubscription as PushSubscription.toJSON() gives it. */
function isPublicHostname(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (h.startsWith("[") || /^\d+(\.\d+){3}$/.test(h) || !h.includes(".")) return false;
  return !/(^|\.)(localhost|local|internal|lan|home|corp|intranet)$/.test(h);
}

export const ZPushSubscriptionJson = z
  .object({
    endpoint: z
      .url({ protocol: /^https$/, error: "The push endpoint must be an https URL." })
      .max(1000, "The push endpoint is too long.")
      // The worker POSTs to it: refuse addresses that name a machine directly (an IP literal,
      // localhost, a private DNS suffix) rather than a push service. Browsers' push services
      // (FCM, Mozilla, Apple, WNS) are all public hostnames.
      .refine((u) => isPublicHostname(new URL(u).hostname), "The push endpoint must be a push service's address."),
    // Browsers set it for subscriptions that expire; not used.
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      // An uncompressed P-256 point: 65 bytes, 87 base64url characters.
      p256dh: base64url("keys.p256dh", 80, 100),
      // 16 bytes: 22 base64url characters.
      auth: base64url("keys.auth", 16, 40),
    }),
  })
  .meta({ id: "PushSubscription", title: "A browser's push subscription (PushSubscription.toJSON())" });
export type TPushSubscriptionJson = z.infer<typeof ZPushSubscriptionJson>;

export const ZPushUnsubscribe = z
  .object({ endpoint: z.string().min(1, "Say which subscription.").max(1000, "The push endpoint is too long.") })
  .meta({ id: "PushUnsubscribe", title: "The endpoint of the subscription to remove" });
