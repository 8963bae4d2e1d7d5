// Delivers events to webhook endpoints as Stripe does: a JSON POST signed with
// `Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`, retried with exponential
// backoff until a 2xx or the attempt cap. Deliveries live in the state, so retries survive a
// restart; chaos mode adds duplicates, delays and a shuffled order.
import { createHmac } from "node:crypto";

import type Stripe from "stripe";

import type { Emulator } from "./emulator";
import { newId } from "./ids";
import type { Delivery } from "./store";

export function signatureHeader(secret: string, payload: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

const RESPONSE_BODY_KEPT = 500;

export class WebhookDispatcher {
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private kicked = false;
  private stopped = false;

  constructor(private readonly emu: Emulator) {
    // Deliveries that were in flight when the emulator last stopped are tried again.
    for (const delivery of Object.values(emu.state.deliveries)) {
      if (delivery.status === "pending" && delivery.nextAttemptAt === null) delivery.nextAttemptAt = Date.now();
    }
  }

  private endpointsFor(event: Stripe.Event): Stripe.WebhookEndpoint[] {
    const { webhookEndpoints, endpointScopes } = this.emu.state;
    return Object.values(webhookEndpoints).filter((endpoint) => {
      if (endpoint.status !== "enabled" || !endpoint.url) return false;
      if (!endpoint.enabled_events.includes("*") && !endpoint.enabled_events.includes(event.type)) return false;
      const scope = endpointScopes[endpoint.id] ?? "platform";
      return scope === "all" || (scope === "connect") === Boolean(event.account);
    });
  }

  enqueue(event: Stripe.Event): void {
    const now = Date.now();
    for (const endpoint of this.endpointsFor(event)) {
      this.emu.chaos.deliveryDelays().forEach((delay, index) => {
        const delivery: Delivery = {
          id: newId("dlv"),
          eventId: event.id,
          eventType: event.type,
          endpointId: endpoint.id,
          url: endpoint.url,
          copy: index + 1,
          status: "pending",
          attempts: [],
          createdAt: now,
          nextAttemptAt: now + delay,
        };
        this.emu.state.deliveries[delivery.id] = delivery;
      });
      event.pending_webhooks += 1;
    }
    this.kick();
  }

  /** Runs a tick soon, without waiting for the scheduler's interval. */
  kick(): void {
    if (this.kicked || this.stopped) return;
    this.kicked = true;
    setImmediate(() => {
      this.kicked = false;
      this.tick();
    });
  }

  tick(): void {
    if (this.stopped) return;
    // One at a time (the default) keeps events in order when nothing fails; more overlaps them, as
    // Stripe does; chaos mode always overlaps them.
    const concurrency = Math.max(this.emu.options.webhookConcurrency ?? 1, this.emu.chaos.settings ? 4 : 1);
    if (this.inFlight.size >= concurrency) return;
    const now = Date.now();
    const due = Object.values(this.emu.state.deliveries).filter(
      (d) => d.status === "pending" && d.nextAttemptAt !== null && d.nextAttemptAt <= now && !this.inFlight.has(d.id),
    );
    if (this.emu.chaos.settings) this.emu.chaos.shuffle(due);
    else due.sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
    for (const delivery of due.slice(0, concurrency - this.inFlight.size)) {
      const abort = new AbortController();
      const done = this.attempt(delivery, abort.signal).finally(() => {
        this.inFlight.delete(delivery.id);
        this.kick();
      });
      this.inFlight.set(delivery.id, { abort, done });
    }
  }

  pendingCount(): number {
    return Object.values(this.emu.state.deliveries).filter((d) => d.status === "pending").length;
  }

  private async attempt(delivery: Delivery, signal: AbortSignal): Promise<void> {
    const { state, options } = this.emu;
    const event = state.events[delivery.eventId];
    const endpoint = state.webhookEndpoints[delivery.endpointId];
    if (!event || !endpoint?.secret) {
      delivery.status = "failed";
      delivery.nextAttemptAt = null;
      return;
    }
    delivery.nextAttemptAt = null;
    delivery.url = endpoint.url;
    const payload = JSON.stringify(event, null, 2);
    // Signed with the wall clock, not the emulator's: receivers check the timestamp against
    // their own clock (stripe.webhooks.constructEvent allows 300 s).
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const abortOnTimeout = new AbortController();
    const timeout = setTimeout(() => abortOnTimeout.abort(), options.webhookTimeoutMs);
    let status: number | null = null;
    let error: string | null = null;
    let responseBody = "";
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signatureHeader(endpoint.secret, payload, timestamp),
          "Cache-Control": "no-cache",
        },
        body: payload,
        redirect: "manual",
        signal: AbortSignal.any([signal, abortOnTimeout.signal]),
      });
      status = response.status;
      responseBody = (await response.text()).slice(0, RESPONSE_BODY_KEPT);
    } catch (err) {
      error = abortOnTimeout.signal.aborted
        ? `timed out after ${options.webhookTimeoutMs} ms`
        : err instanceof Error
          ? err.cause instanceof Error
            ? err.cause.message
            : err.message
          : String(err);
    } finally {
      clearTimeout(timeout);
    }
    // A reset or close while the request was out: this delivery no longer exists.
    if (this.stopped || state !== this.emu.state || signal.aborted) return;

    delivery.attempts.push({ at: started, status, error, durationMs: Date.now() - started, responseBody });
    if (status !== null && status >= 200 && status < 300) {
      const firstSuccess = !Object.values(state.deliveries).some(
        (d) =>
          d !== delivery &&
          d.eventId === delivery.eventId &&
          d.endpointId === delivery.endpointId &&
          d.status === "succeeded",
      );
      delivery.status = "succeeded";
      if (firstSuccess) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    } else if (delivery.attempts.length >= options.maxAttempts) {
      delivery.status = "failed";
    } else {
      delivery.nextAttemptAt = Date.now() + options.retryBaseMs * 2 ** (delivery.attempts.length - 1);
    }
    options.log(
      `webhook ${delivery.eventType} ${delivery.eventId} → ${delivery.url}: ${status ?? error} (attempt ${delivery.attempts.length})`,
    );
    this.emu.store.changed();
  }

  /** Abandons deliveries in flight (their attempts are not recorded) and waits for them to stop. */
  async abortInFlight(): Promise<void> {
    const running = [...this.inFlight.values()];
    for (const { abort } of running) abort.abort();
    await Promise.all(running.map((r) => r.done));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.abortInFlight();
  }
}
