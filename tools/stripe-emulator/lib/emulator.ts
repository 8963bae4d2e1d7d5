// The emulator's core: state, clock, events and the background work (webhook deliveries,
// scheduled disputes, payouts arriving). HTTP lives in server.ts; Stripe's resources in
// resources/, each a set of functions over this object.
import Stripe from "stripe";

import { newPlatformAccount } from "../resources/accounts";
import { Chaos } from "./chaos";
import { newId } from "./ids";
import { runScheduledWork } from "./scheduler";
import { Store } from "./store";
import { WebhookDispatcher } from "./webhooks";

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
  /**
   * A second configured endpoint for connected accounts' events, signed with its own secret, as
   * a Stripe Connect endpoint is. With it the first endpoint receives only the platform's events;
   * without it the first receives both.
   */
  connectWebhookUrl?: string;
  connectWebhookSecret?: string;
  connectWebhookEvents?: string[];
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
    this.connectWebhookUrl = options.connectWebhookUrl ?? "";
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
    if (this.options.connectWebhookSecret) this.setConnectWebhookUrl(this.connectWebhookUrl);
  }

  /** Points the configured endpoint (created on first use) at `url`; an empty url disables it. */
  setWebhookUrl(url: string): void {
    this.webhookUrl = url;
    const split = Boolean(this.options.connectWebhookSecret);
    this.configureEndpoint(split ? "platform" : "all", url, this.options.webhookSecret, this.options.webhookEvents);
    this.store.changed();
  }

  /** Points the configured Connect endpoint at `url` (needs `connectWebhookSecret`); an empty url disables it. */
  setConnectWebhookUrl(url: string): void {
    if (!this.options.connectWebhookSecret)
      throw new Error("setConnectWebhookUrl: the emulator was started without connectWebhookSecret");
    this.connectWebhookUrl = url;
    this.configureEndpoint("connect", url, this.options.connectWebhookSecret, this.options.connectWebhookEvents);
    this.store.changed();
  }

  private connectWebhookUrl = "";

  private configureEndpoint(
    scope: "all" | "platform" | "connect",
    url: string,
    secret: string,
    events: string[] | undefined,
  ): void {
    const { state } = this;
    const role = scope === "connect" ? "connect" : "platform";
    // Configured endpoints are marked in their metadata; one kept from before that is the "all" one.
    let endpoint =
      Object.values(state.webhookEndpoints).find((e) => e.metadata?.emulator_configured === role) ??
      (role === "platform"
        ? Object.values(state.webhookEndpoints).find((e) => state.endpointScopes[e.id] === "all")
        : undefined);
    if (!endpoint) {
      endpoint = {
        id: newId("we"),
        object: "webhook_endpoint",
        api_version: this.options.apiVersion,
        application: null,
        created: this.now(),
        description: "",
        enabled_events: [],
        livemode: false,
        metadata: {},
        status: "enabled",
        url: "",
      };
      state.webhookEndpoints[endpoint.id] = endpoint;
    }
    state.endpointScopes[endpoint.id] = scope;
    endpoint.metadata = { ...endpoint.metadata, emulator_configured: role };
    endpoint.description =
      scope === "all"
        ? "Configured by the emulator's options (receives platform and Connect events)"
        : scope === "platform"
          ? "Configured by the emulator's options (the platform's events)"
          : "Configured by the emulator's options (connected accounts' events)";
    endpoint.url = url;
    endpoint.enabled_events = events?.length ? [...events] : ["*"];
    endpoint.secret = secret;
    endpoint.status = url ? "enabled" : "disabled";
  }

  emit(type: string, object: { id: string }, opts: EmitOptions = {}): Stripe.Event {
    const data: { object: unknown; previous_attributes?: Record<string, unknown> } = {
      object: structuredClone(object),
    };
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
