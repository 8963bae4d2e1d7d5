import { z } from "zod";

import { CarrierError, type Carrier, type CarrierAddress } from "./carrier";

const ZStatus = z.enum(["label_created", "in_transit", "delivered"]);
const ZParcel = z.object({
  tracking_number: z.string().min(1),
  carrier: z.string().min(1),
  service: z.string().default(""),
  status: ZStatus,
  created_at: z.iso.datetime(),
  delivered_at: z.iso.datetime().nullable().default(null),
  events: z
    .array(
      z.object({
        status: ZStatus,
        description: z.string(),
        location: z.string().default(""),
        occurred_at: z.iso.datetime(),
      }),
    )
    .default([]),
});

const wireAddress = (a: CarrierAddress) => ({
  name: a.name,
  line1: a.line1,
  line2: a.line2 ?? null,
  city: a.city,
  region: a.region ?? null,
  postal_code: a.postalCode,
  country: a.country,
});

/**
 * The carrier client for the marketplace's carrier HTTP API (implemented by the local carrier
 * simulator): POST /v1/return-labels with an Idempotency-Key, GET /v1/tracking/{number}.
 * Answers are checked before they are trusted; a network failure or 5xx is a CarrierError.
 */
export function httpCarrier(opts: { baseUrl: string; apiKey?: string; timeoutMs?: number }): Carrier {
  const base = opts.baseUrl.replace(/\/$/, "");
  async function call(
    method: "GET" | "POST",
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          Accept: "application/json",
          ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(opts.apiKey ? { Authorization: `Bearer ${opts.apiKey}` } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new CarrierError(`The carrier could not be reached: ${(err as Error).message}`, null, null);
    }
    const json: unknown = await res.json().catch(() => null);
    return { status: res.status, json };
  }
  function fail(what: string, r: { status: number; json: unknown }): never {
    const e = (r.json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new CarrierError(
      `${what}: the carrier answered ${r.status}${e?.message ? ` (${e.message})` : ""}`,
      r.status,
      e?.code ?? null,
    );
  }
  function parcel(what: string, r: { status: number; json: unknown }) {
    const p = ZParcel.safeParse(r.json);
    if (!p.success) throw new CarrierError(`${what}: the carrier's answer is not a parcel`, r.status, null);
    return p.data;
  }

  return {
    async createReturnLabel(o) {
      const r = await call("POST", "/v1/return-labels", {
        body: { reference: o.reference, from: wireAddress(o.from), to: wireAddress(o.to) },
        headers: { "Idempotency-Key": o.idempotencyKey },
      });
      if (r.status !== 200 && r.status !== 201) fail("Creating the return label failed", r);
      const p = parcel("Creating the return label", r);
      return {
        carrier: p.carrier,
        service: p.service,
        trackingNumber: p.tracking_number,
        createdAt: new Date(p.created_at),
      };
    },
    async getTracking(trackingNumber) {
      const r = await call("GET", `/v1/tracking/${encodeURIComponent(trackingNumber)}`);
      if (r.status === 404) return null;
      if (r.status !== 200) fail("Reading the tracking failed", r);
      const p = parcel("Reading the tracking", r);
      return {
        trackingNumber: p.tracking_number,
        status: p.status,
        deliveredAt: p.delivered_at ? new Date(p.delivered_at) : null,
        events: p.events.map((e) => ({
          status: e.status,
          description: e.description,
          location: e.location,
          occurredAt: new Date(e.occurred_at),
        })),
      };
    },
  };
}
