// The Stripe events the marketplace acts on. The webhook handler acknowledges and ignores any
// other; the local emulator's endpoint subscribes to just these, as a Stripe endpoint should.
const EVENTS = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "charge.refunded",
  "charge.dispute.created",
  "account.updated",
  "transfer.created",
  "transfer.reversed",
  "payout.paid",
  "payout.failed",
] as const;

export type HandledEvent = (typeof EVENTS)[number];

export const HANDLED_EVENTS: ReadonlySet<string> = new Set(EVENTS);

export function isHandledEvent(type: string): type is HandledEvent {
  return HANDLED_EVENTS.has(type);
}
