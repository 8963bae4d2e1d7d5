import { z } from "zod";

const base64url = (what: string, min: number, max: number) =>
  z
    .string()
    .min(min, `${what} is too short.`)
    .max(max, `${what} is too long.`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `${what} must be base64url.`);

/** A browser's PushSubscription as PushSubscription.toJSON() gives it. */
export const ZPushSubscriptionJson = z
  .object({
    endpoint: z
      .url({ protocol: /^https$/, error: "The push endpoint must be an https URL." })
      .max(1000, "The push endpoint is too long."),
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
