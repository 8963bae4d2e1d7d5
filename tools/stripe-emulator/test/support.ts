// Shared by the conformance suite: an emulator on a random port with a temporary data dir, the
// real `stripe` SDK pointed at it, its control client, and a local endpoint receiving webhooks.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Stripe from "stripe";

import { StripeEmulatorControl } from "../control";
import { startStripeEmulator, type StartStripeEmulatorOptions, type StripeEmulator } from "../index";

export const WEBHOOK_SECRET = "whsec_conformance_suite_secret";

export interface ReceivedWebhook {
  body: string;
  signature: string;
  event: Stripe.Event;
}

/** A webhook endpoint on 127.0.0.1 that records what it receives and answers `respond(n)` to the nth request. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (index: number, event: Stripe.Event) => number = () => 200;
  /** How long each answer waits; with it, `maxInFlight` shows how many deliveries overlapped. */
  delayMs = 0;
  inFlight = 0;
  maxInFlight = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const event = JSON.parse(body) as Stripe.Event;
        const r = receiver!;
        const index = r.received.length;
        r.received.push({ body, signature: String(req.headers["stripe-signature"]), event });
        r.maxInFlight = Math.max(r.maxInFlight, ++r.inFlight);
        setTimeout(() => {
          r.inFlight--;
          res.writeHead(r.respond(index, event), { "Content-Type": "application/json" });
          res.end("{}");
        }, r.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`);
    return receiver;
  }

  events(type?: string): Stripe.Event[] {
    return this.received.map((r) => r.event).filter((e) => type === undefined || e.type === type);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function stripeFor(emulator: StripeEmulator, key = "sk_test_conformance"): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port: emulator.port, protocol: "http", maxNetworkRetries: 0 });
}

export interface Harness {
  emulator: StripeEmulator;
  stripe: Stripe;
  control: StripeEmulatorControl;
  receiver: WebhookReceiver;
  dataDir: string;
  /** Stops the emulator (keeping its data dir) and starts a new one on the same data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(opts: Partial<StartStripeEmulatorOptions> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "stripe-emulator-"));
  const receiver = await WebhookReceiver.start();
  const start = () =>
    startStripeEmulator({
      port: 0,
      dataDir,
      webhookUrl: receiver.url,
      webhookSecret: WEBHOOK_SECRET,
      retryBaseMs: 20,
      disputeDelayMs: 50,
      ...opts,
    });
  const harness: Harness = {
    emulator: await start(),
    stripe: null as unknown as Stripe,
    control: null as unknown as StripeEmulatorControl,
    receiver,
    dataDir,
    async restart() {
      await harness.emulator.close();
      harness.emulator = await start();
      harness.stripe = stripeFor(harness.emulator);
      harness.control = new StripeEmulatorControl(harness.emulator.url);
    },
    async close() {
      await harness.emulator.close();
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  harness.stripe = stripeFor(harness.emulator);
  harness.control = new StripeEmulatorControl(harness.emulator.url);
  return harness;
}

/** A succeeded card payment of `amount` cents; returns it with its charge. */
export async function paidCharge(
  stripe: Stripe,
  amount: number,
  extra: Partial<Stripe.PaymentIntentCreateParams> = {},
) {
  const pi = await stripe.paymentIntents.create({
    amount,
    currency: "usd",
    payment_method: "pm_card_visa",
    confirm: true,
    ...extra,
  });
  return { pi, chargeId: pi.latest_charge as string };
}

/**
 * A connected Express account that finished onboarding, so it can take transfers and pay out;
 * on a manual payout schedule unless told otherwise, as a marketplace holding funds sets it.
 */
export async function onboardedAccount(
  h: Pick<Harness, "stripe" | "control">,
  email = "seller@example.com",
  interval: "manual" | "daily" = "manual",
): Promise<Stripe.Account> {
  const account = await h.stripe.accounts.create({
    type: "express",
    email,
    capabilities: { transfers: { requested: true } },
    settings: { payouts: { schedule: { interval } } },
  });
  return h.control.completeOnboarding(account.id);
}

export function amountIn(balance: Stripe.Balance, currency = "usd"): number {
  return balance.available.find((b) => b.currency === currency)?.amount ?? 0;
}

/** The Stripe error a call fails with; fails the test if the call succeeds. */
export async function stripeErrorOf(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error("expected the Stripe call to fail");
}

/** A Stripe JSON response read without the SDK. */
export interface RawJson {
  error?: { type?: string; code?: string; param?: string; message?: string };
  [field: string]: unknown;
}
