// A typed client for the simulator's control API, for tests and development:
//   const control = new CarrierSimulatorControl(process.env.CARRIER_API_URL!);
//   await control.advance(trackingNumber, "delivered"); await control.flushWebhooks();
import type { Parcel, ParcelStatus } from "./simulator";

export class CarrierSimulatorControl {
  private readonly base: string;

  constructor(url: string) {
    this.base = url.replace(/\/$/, "");
  }

  private async call<T>(path: string, body: unknown = {}): Promise<T> {
    const res = await fetch(`${this.base}/_simulator${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`Carrier simulator control API answered ${res.status}: ${JSON.stringify(json)}`);
    return json as T;
  }

  /** The parcel moves one step on (label_created → in_transit → delivered), or straight up to `to`. */
  advance(trackingNumber: string, to?: ParcelStatus): Promise<Parcel> {
    return this.call(`/parcels/${encodeURIComponent(trackingNumber)}/advance`, to ? { to } : {});
  }

  /** Moves the simulator's clock ahead; scheduled moves that fall due happen now. */
  advanceClock(seconds: number): Promise<{ now: string }> {
    return this.call("/clock/advance", { seconds });
  }

  /** Waits until every tracking webhook was delivered or given up on. */
  flushWebhooks(timeoutMs?: number): Promise<{ settled: boolean; pending: number }> {
    return this.call("/webhooks/flush", timeoutMs === undefined ? {} : { timeoutMs });
  }

  async reset(): Promise<void> {
    await this.call("/reset");
  }
}
