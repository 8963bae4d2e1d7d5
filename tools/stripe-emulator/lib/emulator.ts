// The emulator's core: state, clock, events and the background work (webhook deliveries,
// scheduled disputes, payouts arriving). HTTP lives in server.ts; Stripe's resources in
// resources/, each a set of functions over this object.
import Stripe from "stripe";
import { Chaos } from "./chaos";
import { newId } from "./ids";
import { runScheduledWork } from "./scheduler";
import { Store } from "./store";
import { WebhookDispatcher } from "./webhooks";
import { newPlatformAccount } from "../resources/accounts";

export interface EmulatorOptions {
  dataDir?: string;
  webhookUrl?: string;
  webhookSecret: string;
  /** First retry delay of a failed webhook delivery; each further retry doubles it. */
  retryBaseMs: number;
  maxAttempts: number;
  webhookTimeoutMs: number;
  /** The event types the configured endpoint is subscribed to (Stripe's `enabled_events`); default every type. */
  webhookEvents?: string[];
  /** Deliveries in flight at once. Stripe sends concurrently and in no guaranteed order; 1 (the default) sends one at a time, in order. */
  webhookConcurrency?: number;
  /** How long after a `4000000000000259` payment its dispute is opened. */
  disputeDelayMs: number;
  /** How long (emulator clock) a payout takes to arrive and become `paid`. */
  payoutDelaySeconds: number;
  /** The API version events are rendered with: the one the installed `stripe` SDK speaks. */
  apiVersion: string;
  log: (msg: string) => void;
}

export const DEFAULT_API_VERSION = Stripe.API_VERSION;

/** The API request being served, for the `request` field of the events it causes. */
export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

export interface EmitOptions {
  /** The connected account the event happened on (Stripe's `account` field). */
  account?: string;
  previousAttributes?: Record<string, unknown>;
}

const TICK_MS = 50;

export class Emulator {
  readonly store: Store;
  readonly chaos = new Chaos();
  readonly webhooks: WebhookDispatcher;
  baseUrl = "";
  /** Set while an API request's handler runs; handlers are synchronous, so this is unambiguous. */
  currentRequest: RequestInfo | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private webhookUrl: string;

  constructor(readonly options: EmulatorOptions) {
    this.store = new Store(options.dataDir);
    this.webhookUrl = options.webhookUrl ?? "";
    this.ensurePlatform();
    this.webhooks = new WebhookDispatcher(this);
  }

  get state() {
    return this.store.state;
  }

  /** Unix seconds on the emulator's clock, which `advanceClock` moves ahead of the wall clock. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.state.clockOffset;
  }

  private ensurePlatform(): void {
    const { state } = this;
    if (!state.accounts[state.platformAccountId]) {
      state.accounts[state.platformAccountId] = newPlatformAccount(state.platformAccountId, this.now());
    }
    this.setWebhookUrl(this.webhookUrl);
  }

  /** Points the configured endpoint (created on first use) at `url`; an empty url disables it. */
  setWebhookUrl(url: string): void {
    const { state } = this;
    this.webhookUrl = url;
    let endpoint = Object.values(state.webhookEndpoints).find((e) => state.endpointScopes[e.id] === "all");
    if (!endpoint) {
      endpoint = {
        id: newId("we"),
        object: "webhook_endpoint",
        api_version: this.options.apiVersion,
        application: null,
        created: this.now(),
        description: "Configured by the emulator's options (receives platform and Connect events)",
        enabled_events: [],
        livemode: false,
        metadata: {},
        status: "enabled",
        url: "",
      };
      state.webhookEndpoints[endpoint.id] = endpoint;
      state.endpointScopes[endpoint.id] = "all";
    }
    endpoint.url = url;
    endpoint.enabled_events = this.options.webhookEvents?.length ? [...this.options.webhookEvents] : ["*"];
    endpoint.secret = this.options.webhookSecret;
    endpoint.status = url ? "enabled" : "disabled";
    this.store.changed();
  }

  emit(type: string, object: { id: string }, opts: EmitOptions = {}): Stripe.Event {
    const data: { object: unknown; previous_attributes?: Record<string, unknown> } = { object: structuredClone(object) };
    if (opts.previousAttributes) data.previous_attributes = opts.previousAttributes;
    const event = {
      id: newId("evt"),
      object: "event",
      ...(opts.account ? { account: opts.account } : {}),
      api_version: this.options.apiVersion,
      created: this.now(),
      data,
      livemode: false,
      pending_webhooks: 0,
      request: { id: this.currentRequest?.id ?? null, idempotency_key: this.currentRequest?.idempotencyKey ?? null },
      type,
    } as unknown as Stripe.Event;
    this.state.events[event.id] = event;
    this.webhooks.enqueue(event);
    this.store.changed();
    return event;
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  tick(): void {
    runScheduledWork(this);
    this.webhooks.tick();
  }

  /** Nothing left to do on its own: no webhook deliveries pending, no scheduled work. */
  settled(): boolean {
    return this.state.tasks.length === 0 && this.webhooks.pendingCount() === 0;
  }

  async reset(): Promise<void> {
    await this.webhooks.abortInFlight();
    this.chaos.disable();
    this.store.reset();
    this.ensurePlatform();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.webhooks.stop();
    this.store.flush();
  }
}
