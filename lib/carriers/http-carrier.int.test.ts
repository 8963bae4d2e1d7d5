import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CarrierSimulatorControl } from "@/tools/carrier-simulator/control";
import { startCarrierSimulator } from "@/tools/carrier-simulator/index";

import { isCarrierError } from "./carrier";
import { httpCarrier } from "./http-carrier";
import { verifyCarrierWebhook } from "./verify-carrier-webhook";

// The carrier contract the app relies on, run against the configured carrier (the local
// simulator in the tests); the control API is the simulator's own, standing in for a real
// parcel moving.
const from = { name: "Ivy Buyer", line1: "9 Elm Street", city: "Denver", postalCode: "80202", country: "US" };
const to = {
  name: "Shop returns",
  line1: "1 Kiln Road",
  line2: "Unit 4",
  city: "Portland",
  region: "OR",
  postalCode: "97201",
  country: "US",
};
const carrier = () => httpCarrier({ baseUrl: process.env.CARRIER_API_URL! });
const control = () => new CarrierSimulatorControl(process.env.CARRIER_API_URL!);
const key = () => `test-${Math.random().toString(36).slice(2)}`;

describe("the carrier API", () => {
  it("issues a return label with a tracking number; the same idempotency key returns the same label", async () => {
    const k = key();
    const label = await carrier().createReturnLabel({ reference: "return:1", from, to, idempotencyKey: k });
    expect(label).toMatchObject({ carrier: "SimPost", trackingNumber: expect.stringMatching(/^SIM\d{13}$/) });
    expect(await carrier().createReturnLabel({ reference: "return:1", from, to, idempotencyKey: k })).toEqual(label);
    const other = await carrier().createReturnLabel({ reference: "return:2", from, to, idempotencyKey: key() });
    expect(other.trackingNumber).not.toBe(label.trackingNumber);
    // The same key with another request is refused, not silently answered with the first label.
    const reused = await carrier()
      .createReturnLabel({ reference: "return:3", from, to, idempotencyKey: k })
      .catch((e: unknown) => e);
    expect(isCarrierError(reused) && reused.status === 409 && reused.code === "idempotency_key_reused").toBe(true);
  });

  it("tracks a parcel through label_created → in_transit → delivered, with its history; unknown numbers are null", async () => {
    const { trackingNumber } = await carrier().createReturnLabel({
      reference: "return:t",
      from,
      to,
      idempotencyKey: key(),
    });
    expect(await carrier().getTracking(trackingNumber)).toMatchObject({
      status: "label_created",
      deliveredAt: null,
      events: [expect.objectContaining({ status: "label_created", location: "Denver" })],
    });
    await control().advance(trackingNumber);
    expect((await carrier().getTracking(trackingNumber))!.status).toBe("in_transit");
    await control().advance(trackingNumber, "delivered");
    const t = (await carrier().getTracking(trackingNumber))!;
    expect(t.status).toBe("delivered");
    expect(t.deliveredAt).toBeInstanceOf(Date);
    expect(t.events.map((e) => e.status)).toEqual(["label_created", "in_transit", "delivered"]);
    await expect(control().advance(trackingNumber, "in_transit")).rejects.toThrow(/409/);
    expect(await carrier().getTracking("SIM0000000000000")).toBeNull();
  });

  it("refuses a label without addresses or an idempotency key; an unreachable carrier is a CarrierError", async () => {
    const bad = await carrier()
      .createReturnLabel({ reference: "x", from: { ...from, country: "usa" }, to, idempotencyKey: key() })
      .catch((e: unknown) => e);
    expect(isCarrierError(bad) && bad.status === 400).toBe(true);
    const noKey = await fetch(`${process.env.CARRIER_API_URL}/v1/return-labels`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(noKey.status).toBe(400);
    const down = await httpCarrier({ baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 })
      .getTracking("SIM1")
      .catch((e: unknown) => e);
    expect(isCarrierError(down) && down.status === null).toBe(true);
  });
});

describe("the simulator's clock and webhooks", () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failFirst = true;
  const hook = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      // The first delivery fails, as an app that is restarting would: the simulator retries.
      if (failFirst) {
        failFirst = false;
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  let sim: Awaited<ReturnType<typeof startCarrierSimulator>>;
  beforeAll(async () => {
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    sim = await startCarrierSimulator({
      port: 0,
      webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      webhookSecret: "sim-secret-0123456789",
      schedule: { inTransitAfterSeconds: 3600, deliveredAfterSeconds: 2 * 86_400 },
      retryBaseMs: 50,
    });
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((r) => hook.close(r));
  });

  it("moves parcels on by its schedule and signs a webhook for each move, retrying a failed one", async () => {
    const c = httpCarrier({ baseUrl: sim.url });
    const ctl = new CarrierSimulatorControl(sim.url);
    const { trackingNumber } = await c.createReturnLabel({
      reference: "return:clock",
      from,
      to,
      idempotencyKey: key(),
    });
    await ctl.advanceClock(3600);
    expect((await c.getTracking(trackingNumber))!.status).toBe("in_transit");
    await ctl.advanceClock(2 * 86_400);
    expect((await c.getTracking(trackingNumber))!.status).toBe("delivered");
    expect(await ctl.flushWebhooks(5000)).toEqual({ settled: true, pending: 0 });
    const events = received.map(
      (r) => JSON.parse(r.body) as { type: string; data: { tracking_number: string; status: string } },
    );
    expect(events.map((e) => [e.type, e.data.tracking_number, e.data.status]).sort()).toEqual([
      ["tracking.updated", trackingNumber, "delivered"],
      ["tracking.updated", trackingNumber, "in_transit"],
    ]);
    for (const r of received)
      expect(
        verifyCarrierWebhook({
          rawBody: r.body,
          header: String(r.headers["carrier-signature"]),
          secret: "sim-secret-0123456789",
        }),
      ).toBe(true);
  });
});
