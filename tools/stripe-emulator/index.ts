// A local, stateful stand-in for Stripe's API, Stripe.js and webhooks, for `npm start` and
// the test suites on machines that cannot reach Stripe. The app talks to it with the real
// `stripe` SDK (`new Stripe(key, { host, port, protocol: "http" })`) and the emulator's
// `/v3/stripe.js`. See README.md.
import type { AddressInfo } from "node:net";

import { DEFAULT_API_VERSION, Emulator } from "./lib/emulator";
import { createEmulatorServer } from "./lib/server";

export interface StartStripeEmulatorOptions {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state.json is kept; without one the state lives in memory only. */
  dataDir?: string;
  /** The configured webhook endpoint; it can be set later with `setWebhookUrl`. */
  webhookUrl?: string;
  /** Signs the configured endpoint's deliveries (`whsec_…`). */
  webhookSecret: string;
  /** First retry delay of a failed delivery, doubled for each further retry. Default 1000. */
  retryBaseMs?: number;
  /** Delivery attempts before an event is given up on. Default 8. */
  maxAttempts?: number;
  /** How long a webhook endpoint may take to answer. Default 10000. */
  webhookTimeoutMs?: number;
  /** The event types the configured endpoint receives, like Stripe's `enabled_events`. Default all. */
  webhookEvents?: string[];
  /**
   * With a Connect secret, connected accounts' events go to a second configured endpoint
   * (`connectWebhookUrl`, settable later with `setConnectWebhookUrl`) signed with it, and the
   * first endpoint receives only the platform's own events, as two Stripe endpoints would.
   */
  connectWebhookSecret?: string;
  connectWebhookUrl?: string;
  /** The event types the Connect endpoint receives. Default all. */
  connectWebhookEvents?: string[];
  /** Deliveries in flight at once (Stripe: many, in no guaranteed order). Default 1: one at a time, in order. */
  webhookConcurrency?: number;
  /** How long after a `4000000000000259` payment its dispute opens. Default 1000. */
  disputeDelayMs?: number;
  /** How long (emulator clock) payouts take to arrive. Default 2 days. */
  payoutDelaySeconds?: number;
  log?: (msg: string) => void;
}

export interface StripeEmulator {
  /** Base URL, e.g. `http://127.0.0.1:12111`: API under /v1, Stripe.js at /v3/stripe.js, dashboard at /. */
  url: string;
  port: number;
  close(): Promise<void>;
  setWebhookUrl(url: string): void;
  /** Only when started with `connectWebhookSecret`. */
  setConnectWebhookUrl(url: string): void;
}

export async function startStripeEmulator(opts: StartStripeEmulatorOptions): Promise<StripeEmulator> {
  if (!opts.webhookSecret) throw new Error("startStripeEmulator: webhookSecret is required");
  if (opts.connectWebhookUrl && !opts.connectWebhookSecret)
    throw new Error("startStripeEmulator: connectWebhookUrl needs connectWebhookSecret");
  const emu = new Emulator({
    dataDir: opts.dataDir,
    webhookUrl: opts.webhookUrl,
    webhookSecret: opts.webhookSecret,
    retryBaseMs: opts.retryBaseMs ?? 1000,
    maxAttempts: opts.maxAttempts ?? 8,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
    webhookEvents: opts.webhookEvents,
    connectWebhookUrl: opts.connectWebhookUrl,
    connectWebhookSecret: opts.connectWebhookSecret,
    connectWebhookEvents: opts.connectWebhookEvents,
    webhookConcurrency: opts.webhookConcurrency ?? 1,
    disputeDelayMs: opts.disputeDelayMs ?? 1000,
    payoutDelaySeconds: opts.payoutDelaySeconds ?? 2 * 86_400,
    apiVersion: DEFAULT_API_VERSION,
    log: opts.log ?? (() => {}),
  });
  const { server, releaseHung } = createEmulatorServer(emu);
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 12111, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${publicHost}:${port}`;
  emu.baseUrl = url;
  emu.start();
  emu.options.log(`Stripe emulator listening on ${url}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    setWebhookUrl: (webhookUrl) => emu.setWebhookUrl(webhookUrl),
    setConnectWebhookUrl: (webhookUrl) => emu.setConnectWebhookUrl(webhookUrl),
    close() {
      closing ??= (async () => {
        releaseHung();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await emu.close();
        await closed;
      })();
      return closing;
    },
  };
}
