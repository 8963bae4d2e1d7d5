// The emulator's whole state, one JSON document: Stripe-shaped objects by id plus the few
// internal records Stripe keeps out of sight (card behaviours, onboarding links, idempotent
// results, webhook deliveries, scheduled work). Saved atomically (temp file + rename) shortly
// after each change and on close, so a restart resumes where it stopped.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import type Stripe from "stripe";

import type { TestCardKey } from "./cards";
import { newId } from "./ids";

const STATE_VERSION = 1;
const SAVE_DELAY_MS = 200;
// A save blocks the event loop while the whole state is serialised; as the state grows, saves
// are spaced out so they take at most about 1/20 of the time (a restart may lose the last few
// seconds of changes, never a consistent snapshot: the file is replaced atomically).
const SAVE_TIME_SHARE = 20;
const MAX_SAVE_DELAY_MS = 10_000;

export interface AccountLinkRecord {
  token: string;
  account: string;
  type: string;
  refresh_url: string;
  return_url: string;
  expires_at: number;
  used: boolean;
}

export interface DeliveryAttempt {
  at: number;
  status: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** 1 for the delivery Stripe would make; 2–5 for chaos mode's duplicates. */
  copy: number;
  status: "pending" | "succeeded" | "failed";
  attempts: DeliveryAttempt[];
  createdAt: number;
  nextAttemptAt: number | null;
}

export interface IdempotentResult {
  /** Method, path and parameters of the first request, to recognise a different one. */
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  createdAt: number;
}

/** Work due at a wall-clock time (ms), kept in the state so it survives a restart. */
export interface ScheduledTask {
  id: string;
  kind: "dispute";
  chargeId: string;
  dueAt: number;
}

export interface State {
  version: number;
  /** Seconds added to the wall clock by `advanceClock`. */
  clockOffset: number;
  platformAccountId: string;
  accounts: Record<string, Stripe.Account>;
  accountLinks: Record<string, AccountLinkRecord>;
  customers: Record<string, Stripe.Customer>;
  paymentMethods: Record<string, Stripe.PaymentMethod>;
  /** Which test card a PaymentMethod was made from: Stripe decides outcomes by card number. */
  cardBehaviours: Record<string, TestCardKey>;
  paymentIntents: Record<string, Stripe.PaymentIntent>;
  charges: Record<string, Stripe.Charge>;
  refunds: Record<string, Stripe.Refund>;
  transfers: Record<string, Stripe.Transfer>;
  transferReversals: Record<string, Stripe.TransferReversal>;
  payouts: Record<string, Stripe.Payout>;
  balanceTransactions: Record<string, Stripe.BalanceTransaction>;
  disputes: Record<string, Stripe.Dispute>;
  events: Record<string, Stripe.Event>;
  webhookEndpoints: Record<string, Stripe.WebhookEndpoint>;
  /**
   * Which events an endpoint receives: Stripe's account endpoints get the platform's own
   * events, Connect endpoints those of connected accounts; the configured endpoint gets both.
   */
  endpointScopes: Record<string, "all" | "platform" | "connect">;
  /** Connected account owning an object (balance transactions, payouts); absent = platform. */
  owners: Record<string, string>;
  deliveries: Record<string, Delivery>;
  idempotency: Record<string, IdempotentResult>;
  tasks: ScheduledTask[];
}

export function emptyState(platformAccountId = newId("acct")): State {
  return {
    version: STATE_VERSION,
    clockOffset: 0,
    platformAccountId,
    accounts: {},
    accountLinks: {},
    customers: {},
    paymentMethods: {},
    cardBehaviours: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    transfers: {},
    transferReversals: {},
    payouts: {},
    balanceTransactions: {},
    disputes: {},
    events: {},
    webhookEndpoints: {},
    endpointScopes: {},
    owners: {},
    deliveries: {},
    idempotency: {},
    tasks: [],
  };
}

export class Store {
  state: State;
  private readonly file: string | null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveMs = 0;

  constructor(dataDir: string | undefined) {
    this.file = dataDir ? join(dataDir, "state.json") : null;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.state = this.load() ?? emptyState();
  }

  private load(): State | null {
    if (!this.file || !existsSync(this.file)) return null;
    const loaded = JSON.parse(readFileSync(this.file, "utf8")) as State;
    if (loaded.version !== STATE_VERSION) {
      throw new Error(
        `${this.file} was written by another version of the Stripe emulator (${loaded.version}); delete it to start afresh`,
      );
    }
    return loaded;
  }

  /** Marks the state changed; it is written shortly after, once for a burst of changes. */
  changed(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), this.saveDelayMs());
    this.saveTimer.unref();
  }

  /** How long after a change the state is written: 200 ms, longer when saves are slow. */
  saveDelayMs(): number {
    return Math.min(MAX_SAVE_DELAY_MS, Math.max(SAVE_DELAY_MS, this.lastSaveMs * SAVE_TIME_SHARE));
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.file) return;
    const started = performance.now();
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
    this.lastSaveMs = performance.now() - started;
  }

  reset(): void {
    this.state = emptyState(this.state.platformAccountId);
    this.changed();
  }

  /** The account an object belongs to: a connected account's id, or the platform's. */
  ownerOf(id: string): string {
    return this.state.owners[id] ?? this.state.platformAccountId;
  }
}
