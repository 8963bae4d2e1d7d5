// Bodies of the control API (`/_emulator/...`), shared with the typed client in control.ts.
import { z } from "zod";

export const ZChaosSettings = z.strictObject({
  /** Seeds the random draws, so a failing chaos run can be replayed. */
  seed: z.number().int().optional(),
  webhooks: z
    .strictObject({
      /** Each event is delivered between 1 and maxCopies times. */
      maxCopies: z.number().int().min(1).max(5).default(5),
      /** Each delivery waits a random 0..maxDelayMs first, which also reorders nearby events. */
      maxDelayMs: z.number().int().min(0).max(60_000).default(200),
    })
    .default({ maxCopies: 5, maxDelayMs: 200 }),
  api: z
    .strictObject({
      /** Share of API calls answered with a 500 before anything runs. */
      errorRate: z.number().min(0).max(1).default(0),
      /** Share of API calls that run but whose response never comes: the socket is dropped after hangMs. */
      timeoutRate: z.number().min(0).max(1).default(0),
      hangMs: z.number().int().min(0).max(300_000).default(10_000),
    })
    .default({ errorRate: 0, timeoutRate: 0, hangMs: 10_000 }),
});
export type TChaosSettings = z.infer<typeof ZChaosSettings>;
export type TChaosSettingsInput = z.input<typeof ZChaosSettings>;

export const ZAdvanceClock = z.strictObject({
  seconds: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 86_400),
});

export const ZTriggerDispute = z.strictObject({
  reason: z
    .enum([
      "fraudulent",
      "product_not_received",
      "product_unacceptable",
      "duplicate",
      "subscription_canceled",
      "unrecognized",
      "general",
    ])
    .default("fraudulent"),
});
export type TTriggerDisputeInput = z.input<typeof ZTriggerDispute>;

export const ZCloseDispute = z.strictObject({ status: z.enum(["won", "lost"]) });

export const ZFailPayout = z.strictObject({
  failureCode: z
    .enum([
      "account_closed",
      "account_frozen",
      "bank_account_restricted",
      "could_not_process",
      "insufficient_funds",
      "invalid_account_number",
      "no_account",
    ])
    .default("account_closed"),
});
export type TFailPayoutInput = z.input<typeof ZFailPayout>;

export const ZPayPayouts = z.strictObject({ account: z.string().optional() });

export const ZThreeDSecure = z.strictObject({ outcome: z.enum(["complete", "fail"]) });

export const ZFlush = z.strictObject({ timeoutMs: z.number().int().min(0).max(300_000).default(10_000) });

export const ZDeliveryFilter = z.strictObject({
  status: z.enum(["pending", "succeeded", "failed"]).optional(),
  eventType: z.string().optional(),
  eventId: z.string().optional(),
});
export type TDeliveryFilter = z.infer<typeof ZDeliveryFilter>;
