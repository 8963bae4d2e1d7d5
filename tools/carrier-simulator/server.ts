// The simulator's HTTP surface: the carrier API the app's client speaks (/v1) and the control
// API for tests and development (/_simulator). JSON in and out; errors as { error: { code, message } }.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { z } from "zod";

import { PARCEL_STATUSES, SimulatorError, type CarrierSimulator } from "./simulator";

const ZAddress = z.object({
  name: z.string().trim().min(1).max(100),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullish(),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100).nullish(),
  postal_code: z.string().trim().min(1).max(20),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "a two-letter country code"),
});
const ZCreateLabel = z.object({ reference: z.string().trim().min(1).max(200), from: ZAddress, to: ZAddress });
const ZAdvance = z.object({ to: z.enum(PARCEL_STATUSES).optional() });
const ZClock = z.object({
  seconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400),
});
const ZFlush = z.object({ timeoutMs: z.number().int().min(0).max(60_000).optional() });

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new SimulatorError(413, "payload_too_large", "Request body must be at most 64 KB.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SimulatorError(400, "bad_request", "Request body is not valid JSON.");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new SimulatorError(
      400,
      "validation_failed",
      r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  return r.data;
}

export function createSimulatorServer(sim: CarrierSimulator): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://simulator");
      const path = url.pathname.replace(/\/$/, "") || "/";
      const method = req.method ?? "GET";
      const tracking = /^\/v1\/tracking\/([A-Za-z0-9-]{1,100})$/.exec(path);
      const advance = /^\/_simulator\/parcels\/([A-Za-z0-9-]{1,100})\/advance$/.exec(path);
      if (method === "POST" && path === "/v1/return-labels") {
        const key = req.headers["idempotency-key"];
        if (typeof key !== "string" || key.length < 1 || key.length > 255)
          throw new SimulatorError(
            400,
            "idempotency_key_required",
            "Send an Idempotency-Key header (1–255 characters).",
          );
        const { parcel, replayed } = sim.createLabel(parse(ZCreateLabel, await readJson(req)), key);
        return send(res, replayed ? 200 : 201, parcel);
      }
      if (method === "GET" && tracking) return send(res, 200, sim.tracking(tracking[1]));
      if (method === "GET" && path === "/_simulator") return send(res, 200, sim.info());
      if (method === "POST" && advance)
        return send(res, 200, sim.advance(advance[1], parse(ZAdvance, await readJson(req)).to));
      if (method === "POST" && path === "/_simulator/clock/advance")
        return send(res, 200, sim.advanceClock(parse(ZClock, await readJson(req)).seconds));
      if (method === "POST" && path === "/_simulator/webhooks/flush")
        return send(res, 200, await sim.flush(parse(ZFlush, await readJson(req)).timeoutMs));
      if (method === "POST" && path === "/_simulator/reset") {
        sim.reset();
        return send(res, 200, { reset: true });
      }
      throw new SimulatorError(404, "not_found", `No route ${method} ${path}.`);
    })().catch((err: unknown) => {
      if (err instanceof SimulatorError)
        return send(res, err.status, { error: { code: err.code, message: err.message } });
      send(res, 500, { error: { code: "internal", message: (err as Error).message } });
    });
  });
}
