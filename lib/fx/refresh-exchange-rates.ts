import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { SUPPORTED_CURRENCIES } from "@/lib/money/currencies";

import { fetchEcbDaily, RatesFeedError } from "./ecb-feed";

export type RefreshResult =
  | { status: "updated"; asOf: string; currencies: string[] }
  | { status: "unchanged"; asOf: string }
  | { status: "not_configured" };

/**
 * The rates job: reads the ECB daily file at FX_RATES_URL and writes the rate of every currency
 * listings can be priced in. A day older than the one already stored changes nothing (a stale
 * mirror never rolls rates back). A feed that fails or lacks one of our currencies throws: the
 * job fails, is retried and shows in the worker's failures, and the table keeps its last rates.
 */
export async function refreshExchangeRates(url = env().FX_RATES_URL): Promise<RefreshResult> {
  if (!url) return { status: "not_configured" };
  const feed = await fetchEcbDaily(url);
  const missing = SUPPORTED_CURRENCIES.filter((c) => feed.perEur[c] === undefined);
  if (missing.length > 0) throw new RatesFeedError(`The rates feed has no rate for ${missing.join(", ")}.`);
  const day = new Date(`${feed.asOf}T00:00:00Z`);
  const written = await db().$transaction(async (tx) => {
    const newest = await tx.exchangeRate.findFirst({ where: { source: "ecb" }, orderBy: { asOf: "desc" } });
    if (newest && newest.asOf > day) return [];
    for (const currency of SUPPORTED_CURRENCIES) {
      const data = { perEur: feed.perEur[currency], asOf: day, source: "ecb", updatedBy: null };
      await tx.exchangeRate.upsert({ where: { currency }, create: { currency, ...data }, update: data });
    }
    return [...SUPPORTED_CURRENCIES];
  });
  if (written.length === 0) {
    logger.info({ asOf: feed.asOf }, "exchange rates: the feed's day is older than the stored one; kept");
    return { status: "unchanged", asOf: feed.asOf };
  }
  logger.info({ asOf: feed.asOf, currencies: written }, "exchange rates updated from the feed");
  return { status: "updated", asOf: feed.asOf, currencies: written };
}
