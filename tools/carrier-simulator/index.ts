// A local stand-in for a parcel carrier, for `npm start` and the tests when no CARRIER_API_URL
// is configured: it issues return labels with tracking numbers, moves parcels through
// label_created → in_transit → delivered (on its clock or by the control API) and tells the
// app by a signed webhook. The app's carrier client (lib/carriers) speaks to it over HTTP.
// See README.md.
import type { AddressInfo } from "node:net";

import { createSimulatorServer } from "./server";
import { CarrierSimulator, type Schedule } from "./simulator";

export type { LabelAddress, Parcel, ParcelStatus, TrackingEvent } from "./simulator";

export interface StartCarrierSimulatorOptions {
  /** 0 picks a free port. Default 12112. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state.json is kept; without one the parcels live in memory only. */
  dataDir?: string;
  /** Where tracking updates are POSTed; can be set later with `setWebhookUrl`. */
  webhookUrl?: string;
  /** Signs each webhook (`Carrier-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`). */
  webhookSecret?: string;
  /** Moves parcels on by themselves this long after their label; null (default): only the control API moves them. */
  schedule?: Schedule | null;
  /** First webhook retry delay, doubled for each further retry (6 attempts). Default 1000. */
  retryBaseMs?: number;
  log?: (msg: string) => void;
}

export interface CarrierSimulatorHandle {
  /** Base URL, e.g. http://127.0.0.1:12112: carrier API under /v1, control API under /_simulator. */
  url: string;
  port: number;
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
}

export async function startCarrierSimulator(opts: StartCarrierSimulatorOptions = {}): Promise<CarrierSimulatorHandle> {
  const sim = new CarrierSimulator({
    dataDir: opts.dataDir,
    webhookUrl: opts.webhookUrl,
    webhookSecret: opts.webhookSecret,
    schedule: opts.schedule ?? null,
    retryBaseMs: opts.retryBaseMs ?? 1000,
    log: opts.log ?? (() => {}),
  });
  const server = createSimulatorServer(sim);
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 12112, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  sim.start();
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    setWebhookUrl: (u) => sim.setWebhookUrl(u),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await sim.close();
        await closed;
      })();
      return closing;
    },
  };
}
