// The simulator's state and rules: parcels with tracking numbers, moved through
// label_created → in_transit → delivered by its clock (a schedule) or the control API, and a
// signed webhook for each move. Pure Node, no dependencies; state optionally kept on disk.
import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PARCEL_STATUSES = ["label_created", "in_transit", "delivered"] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export type LabelAddress = {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postal_code: string;
  country: string;
};

export type TrackingEvent = { status: ParcelStatus; description: string; location: string; occurred_at: string };

export type Parcel = {
  tracking_number: string;
  carrier: string;
  service: string;
  reference: string;
  from: LabelAddress;
  to: LabelAddress;
  status: ParcelStatus;
  created_at: string;
  delivered_at: string | null;
  events: TrackingEvent[];
};

export type Schedule = { inTransitAfterSeconds: number; deliveredAfterSeconds: number };

type Delivery = { id: string; url: string; body: string; attempts: number; nextAt: number };

type State = {
  parcels: Record<string, Parcel>;
  idempotency: Record<string, { tracking: string; requestHash: string }>;
};

export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const CARRIER_NAME = "SimPost";
const SERVICE = "Returns Ground";
const MAX_ATTEMPTS = 6;

const DESCRIPTIONS: Record<ParcelStatus, (p: Parcel) => [string, string]> = {
  label_created: (p) => ["Label created; waiting for the parcel", p.from.city],
  in_transit: (p) => ["Parcel accepted and on its way", `${p.from.city} sorting centre`],
  delivered: (p) => ["Delivered", p.to.city],
};

export function signPayload(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export class CarrierSimulator {
  private state: State = { parcels: {}, idempotency: {} };
  private deliveries: Delivery[] = [];
  private sending = new Set<Promise<void>>();
  private clockOffsetMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly opts: {
      dataDir?: string;
      webhookUrl?: string;
      webhookSecret?: string;
      schedule: Schedule | null;
      retryBaseMs: number;
      log: (msg: string) => void;
    },
  ) {
    const file = this.stateFile();
    if (file && existsSync(file)) this.state = JSON.parse(readFileSync(file, "utf8")) as State;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.sending]);
    this.save();
  }

  setWebhookUrl(url: string): void {
    this.opts.webhookUrl = url;
  }

  reset(): void {
    this.state = { parcels: {}, idempotency: {} };
    this.deliveries = [];
    this.clockOffsetMs = 0;
    this.save();
  }

  info() {
    return {
      carrier: CARRIER_NAME,
      now: new Date(this.now()).toISOString(),
      clock_offset_seconds: Math.round(this.clockOffsetMs / 1000),
      parcels: Object.keys(this.state.parcels).length,
      schedule: this.opts.schedule,
      pending_webhooks: this.deliveries.length + this.sending.size,
    };
  }

  /** Issues a label; the same idempotency key with the same request returns the same parcel. */
  createLabel(
    input: { reference: string; from: LabelAddress; to: LabelAddress },
    idempotencyKey: string,
  ): { parcel: Parcel; replayed: boolean } {
    const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
    const seen = this.state.idempotency[idempotencyKey];
    if (seen) {
      if (seen.requestHash !== requestHash)
        throw new SimulatorError(
          409,
          "idempotency_key_reused",
          "This Idempotency-Key was used with a different request.",
        );
      return { parcel: this.state.parcels[seen.tracking], replayed: true };
    }
    let tracking: string;
    do tracking = `SIM${String(randomInt(1e6, 1e7))}${String(randomInt(1e5, 1e6))}`;
    while (this.state.parcels[tracking]);
    const createdAt = new Date(this.now()).toISOString();
    const parcel: Parcel = {
      tracking_number: tracking,
      carrier: CARRIER_NAME,
      service: SERVICE,
      reference: input.reference,
      from: input.from,
      to: input.to,
      status: "label_created",
      created_at: createdAt,
      delivered_at: null,
      events: [],
    };
    parcel.events.push(this.event(parcel, "label_created"));
    this.state.parcels[tracking] = parcel;
    this.state.idempotency[idempotencyKey] = { tracking, requestHash };
    this.save();
    this.opts.log(`label ${tracking} for ${input.reference}`);
    return { parcel, replayed: false };
  }

  tracking(trackingNumber: string): Parcel {
    const parcel = this.state.parcels[trackingNumber];
    if (!parcel) throw new SimulatorError(404, "not_found", `No parcel with tracking number ${trackingNumber}.`);
    return parcel;
  }

  /** Moves a parcel one step on, or up to `to` (each step in between is recorded and announced). */
  advance(trackingNumber: string, to?: ParcelStatus): Parcel {
    const parcel = this.tracking(trackingNumber);
    const current = PARCEL_STATUSES.indexOf(parcel.status);
    const target = to ? PARCEL_STATUSES.indexOf(to) : Math.min(current + 1, PARCEL_STATUSES.length - 1);
    if (target < current)
      throw new SimulatorError(
        409,
        "invalid_transition",
        `The parcel is already ${parcel.status}; it can't go back to ${to}.`,
      );
    for (let i = current + 1; i <= target; i++) this.move(parcel, PARCEL_STATUSES[i]);
    return parcel;
  }

  /** Moves the clock ahead; parcels whose scheduled moves fall due move now. */
  advanceClock(seconds: number): { now: string } {
    this.clockOffsetMs += seconds * 1000;
    this.tick();
    return { now: new Date(this.now()).toISOString() };
  }

  /** Resolves once every queued webhook was delivered or given up on. */
  async flush(timeoutMs = 10_000): Promise<{ settled: boolean; pending: number }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      this.sendDue(true);
      if (this.deliveries.length === 0 && this.sending.size === 0) return { settled: true, pending: 0 };
      await Promise.race([...this.sending, new Promise((r) => setTimeout(r, 20))]);
    }
    return { settled: false, pending: this.deliveries.length + this.sending.size };
  }

  private event(parcel: Parcel, status: ParcelStatus): TrackingEvent {
    const [description, location] = DESCRIPTIONS[status](parcel);
    return { status, description, location, occurred_at: new Date(this.now()).toISOString() };
  }

  private move(parcel: Parcel, status: ParcelStatus): void {
    parcel.status = status;
    parcel.events.push(this.event(parcel, status));
    if (status === "delivered") parcel.delivered_at = new Date(this.now()).toISOString();
    this.save();
    this.opts.log(`parcel ${parcel.tracking_number} ${status}`);
    this.announce(parcel);
  }

  private announce(parcel: Parcel): void {
    if (!this.opts.webhookUrl) return;
    const body = JSON.stringify({
      id: `evt_${randomBytes(8).toString("hex")}`,
      type: "tracking.updated",
      created: Math.floor(this.now() / 1000),
      data: { tracking_number: parcel.tracking_number, status: parcel.status },
    });
    this.deliveries.push({
      id: randomBytes(6).toString("hex"),
      url: this.opts.webhookUrl,
      body,
      attempts: 0,
      nextAt: Date.now(),
    });
    this.sendDue();
  }

  private tick(): void {
    const s = this.opts.schedule;
    if (s) {
      const now = this.now();
      for (const parcel of Object.values(this.state.parcels)) {
        const age = (now - Date.parse(parcel.created_at)) / 1000;
        if (parcel.status === "label_created" && age >= s.inTransitAfterSeconds) this.move(parcel, "in_transit");
        if (parcel.status === "in_transit" && age >= s.deliveredAfterSeconds) this.move(parcel, "delivered");
      }
    }
    this.sendDue();
  }

  private sendDue(ignoreBackoff = false): void {
    if (this.stopped) return;
    const due = this.deliveries.filter((d) => ignoreBackoff || d.nextAt <= Date.now());
    this.deliveries = this.deliveries.filter((d) => !due.includes(d));
    for (const d of due) {
      const p = this.send(d).finally(() => this.sending.delete(p));
      this.sending.add(p);
    }
  }

  private async send(d: Delivery): Promise<void> {
    d.attempts++;
    const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "carrier-simulator" };
    if (this.opts.webhookSecret)
      headers["Carrier-Signature"] = signPayload(this.opts.webhookSecret, d.body, Math.floor(Date.now() / 1000));
    let ok = false;
    try {
      const res = await fetch(d.url, { method: "POST", headers, body: d.body, signal: AbortSignal.timeout(10_000) });
      ok = res.ok;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      ok = false;
    }
    if (ok || this.stopped) return;
    if (d.attempts >= MAX_ATTEMPTS) {
      this.opts.log(`webhook to ${d.url} given up after ${d.attempts} attempts (the app polls tracking too)`);
      return;
    }
    d.nextAt = Date.now() + this.opts.retryBaseMs * 2 ** (d.attempts - 1);
    this.deliveries.push(d);
  }

  private stateFile(): string | null {
    return this.opts.dataDir ? join(this.opts.dataDir, "state.json") : null;
  }

  private save(): void {
    const file = this.stateFile();
    if (!file) return;
    mkdirSync(this.opts.dataDir!, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(this.state));
    renameSync(`${file}.tmp`, file);
  }
}
