import "server-only";

import { db } from "@/lib/db/client";

import type { RateSnapshot } from "./convert-checkout";
import type { RateTable } from "./rate-math";

export type ExchangeRateRow = { currency: string; perEur: string; asOf: string; source: string; updatedAt: Date };

/** Every rate row, euro first, then by code. */
export async function listExchangeRates(): Promise<ExchangeRateRow[]> {
  const rows = await db().exchangeRate.findMany({ orderBy: { currency: "asc" } });
  return rows
    .map((r) => ({
      currency: r.currency,
      perEur: r.perEur.toFixed(),
      asOf: r.asOf.toISOString().slice(0, 10),
      source: r.source,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => (a.currency === "EUR" ? -1 : b.currency === "EUR" ? 1 : a.currency.localeCompare(b.currency)));
}

/** The rates as convertCents reads them, with the oldest row's day (what a buyer is told). */
export async function loadRateTable(): Promise<{ rates: RateTable; asOf: string | null }> {
  const rows = await listExchangeRates();
  const rates: Record<string, string> = {};
  for (const r of rows) rates[r.currency] = r.perEur;
  const asOf = rows.reduce<string | null>((min, r) => (min === null || r.asOf < min ? r.asOf : min), null);
  return { rates, asOf };
}

/** The rates with each currency's source and day, for locking a checkout's (convertCheckout). */
export async function loadRateSnapshot(): Promise<RateSnapshot> {
  const rows = await listExchangeRates();
  return {
    rates: Object.fromEntries(rows.map((r) => [r.currency, r.perEur])),
    meta: Object.fromEntries(rows.map((r) => [r.currency, { source: r.source, asOf: r.asOf }])),
  };
}
