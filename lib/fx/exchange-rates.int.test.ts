import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as getRates } from "@/app/api/v1/exchange-rates/route";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createUser } from "@/test/factories";

import { ecbDailyXml } from "./ecb-fixture";
import { loadRateTable } from "./load-rate-table";
import { convertCents } from "./rate-math";
import { refreshExchangeRates } from "./refresh-exchange-rates";
import { setExchangeRate } from "./set-exchange-rate";

// A local server in the ECB file's format: what the rates job reads in production, here.
let answer: { status: number; body: string } = { status: 200, body: "" };
let server: Server;
let feedUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { "content-type": "text/xml" }).end(answer.body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eurofxref-daily.xml`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const DAY1 = { USD: "1.0600", JPY: "160.10", GBP: "0.8400", CAD: "1.4800", AUD: "1.6300" };

async function table() {
  return (await loadRateTable()).rates;
}

async function refusal(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  if (!isAppError(err)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { status: err.status, message: err.message };
}

describe("the exchange-rates table", () => {
  beforeEach(async () => {
    answer = { status: 200, body: ecbDailyXml("2026-12-02", DAY1) };
  });

  it("starts with a rate for every listing currency, so conversion works before any feed", async () => {
    const t = await table();
    expect(Object.keys(t).sort()).toEqual(["AUD", "CAD", "EUR", "GBP", "USD"]);
    expect(t.EUR).toBe("1");
    expect(convertCents(10_000, "EUR", "EUR", t)).toBe(10_000);
  });

  it("takes the feed's rates for our currencies, marked as the ECB's and dated by the feed", async () => {
    expect(await refreshExchangeRates(feedUrl)).toEqual({
      status: "updated",
      asOf: "2026-12-02",
      currencies: ["USD", "EUR", "GBP", "CAD", "AUD"],
    });
    const rows = await db().exchangeRate.findMany();
    expect(rows.every((r) => r.source === "ecb" && r.asOf.toISOString().startsWith("2026-12-02"))).toBe(true);
    const t = await table();
    expect(t).toMatchObject({ USD: "1.06", GBP: "0.84", EUR: "1" });
    // A currency we do not price in (JPY) is not stored.
    expect(t.JPY).toBeUndefined();
    // €100 is $106.00; $106.00 is £84.00.
    expect(convertCents(10_000, "EUR", "USD", t)).toBe(10_600);
    expect(convertCents(10_600, "USD", "GBP", t)).toBe(8_400);
  });

  it("never rolls back to an older day, and keeps its rates when the feed fails", async () => {
    answer = { status: 200, body: ecbDailyXml("2026-12-03", { ...DAY1, USD: "1.0700" }) };
    await refreshExchangeRates(feedUrl);
    answer = { status: 200, body: ecbDailyXml("2026-12-01", { ...DAY1, USD: "9.9999" }) };
    expect(await refreshExchangeRates(feedUrl)).toEqual({ status: "unchanged", asOf: "2026-12-01" });
    expect((await table()).USD).toBe("1.07");

    answer = { status: 503, body: "maintenance" };
    await expect(refreshExchangeRates(feedUrl)).rejects.toThrow(/answered 503/);
    answer = { status: 200, body: ecbDailyXml("2026-12-04", { USD: "1.08" }) };
    await expect(refreshExchangeRates(feedUrl)).rejects.toThrow(/no rate for GBP, CAD, AUD/);
    answer = { status: 200, body: "<html>not the file</html>" };
    await expect(refreshExchangeRates(feedUrl)).rejects.toThrow(/no dated set of rates/);
    expect((await table()).USD).toBe("1.07");
  });

  it("does nothing without a configured feed", async () => {
    expect(await refreshExchangeRates("")).toEqual({ status: "not_configured" });
  });

  it("lets an admin set a rate, with the change in the audit log", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await setExchangeRate({ adminId: admin.id, currency: "gbp", perEur: " 0.8512 " });
    const row = await db().exchangeRate.findUniqueOrThrow({ where: { currency: "GBP" } });
    expect(row).toMatchObject({ source: "admin", updatedBy: admin.id });
    expect(row.perEur.toFixed()).toBe("0.8512");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "exchange_rate.set", targetId: "GBP" } });
    expect(audit).toMatchObject({ actorId: admin.id, details: { to: "0.8512" } });
  });

  it("refuses an unknown currency, the euro and a rate that is not a positive decimal, writing nothing", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const before = await db().exchangeRate.findMany({ orderBy: { currency: "asc" } });
    const audits = await db().auditEvent.count();
    for (const [currency, perEur, message] of [
      ["XYZ", "1.2", /Unknown currency "XYZ"/],
      ["JPY", "160", /Unknown currency "JPY"/],
      ["EUR", "1.1", /always 1/],
      ["USD", "0", /positive number/],
      ["USD", "-1.05", /positive number/],
      ["USD", "1,05", /positive number/],
      ["USD", "1.123456789", /at most 8 decimals/],
      ["USD", "", /positive number/],
    ] as const) {
      const r = await refusal(setExchangeRate({ adminId: admin.id, currency, perEur }));
      expect(r.status, `${currency} ${perEur}`).toBe(400);
      expect(r.message).toMatch(message);
    }
    expect(await db().exchangeRate.findMany({ orderBy: { currency: "asc" } })).toEqual(before);
    expect(await db().auditEvent.count()).toBe(audits);
  });

  it("serves the table to browsers for prices in the visitor's currency", async () => {
    const res = await getRates(new NextRequest("http://shop.test/api/v1/exchange-rates"), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { base: string; as_of: string; rates: Record<string, string> };
    expect(body.base).toBe("EUR");
    expect(body.rates).toEqual(await table());
    expect(body.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
