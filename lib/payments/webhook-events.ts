// The Stripe events the marketplace acts on, by the endpoint they arrive at. Stripe sends a
// platform endpoint the platform's own events and a Connect endpoint those that happen on
// connected accounts (event.account set), each signed with that endpoint's secret. The webhook
// handler acknowledges and ignores any other event; the local emulator's endpoints subscribe
// to just these, as Stripe endpoints should.
export const PLATFORM_EVENTS = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  "transfer.created",
  "transfer.reversed",
] as const;

export const CONNECT_EVENTS = ["account.updated", "payout.paid", "payout.failed"] as const;

export type HandledEvent = (typeof PLATFORM_EVENTS)[number] | (typeof CONNECT_EVENTS)[number];

export const HANDLED_EVENTS: ReadonlySet<string> = new Set([...PLATFORM_EVENTS, ...CONNECT_EVENTS]);

export function isHandledEvent(type: string): type is HandledEvent {
  return HANDLED_EVENTS.has(type);
}

export type WebhookEndpointScope = "platform" | "connect";

/** Whether an event belongs on an endpoint: connected accounts' events on the Connect one only. */
export function belongsToEndpoint(event: { account?: string | null }, scope: WebhookEndpointScope): boolean {
  return scope === "connect" ? Boolean(event.account) : !event.account;
}
