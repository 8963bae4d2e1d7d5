// The European Central Bank's daily euro reference rates (eurofxref-daily.xml): an envelope
// with one dated <Cube time="YYYY-MM-DD"> holding <Cube currency="USD" rate="1.0512"/> rows,
// units per euro. https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/
import { XMLParser } from "fast-xml-parser";

import { parseRate } from "./rate-math";

export type FeedRates = { asOf: string; perEur: Record<string, string> };

export class RatesFeedError extends Error {
  override name = "RatesFeedError";
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true });

function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

type Cube = { time?: string; currency?: string; rate?: string; Cube?: Cube | Cube[] };

/** Reads the daily file; throws RatesFeedError for anything that is not that file. */
export function parseEcbDaily(xml: string): FeedRates {
  let doc: { Envelope?: { Cube?: Cube } };
  try {
    doc = parser.parse(xml) as typeof doc;
  } catch (err) {
    throw new RatesFeedError(`The rates feed is not XML: ${(err as Error).message}`);
  }
  const day = asArray(doc.Envelope?.Cube?.Cube)[0];
  if (!day?.time || !/^\d{4}-\d{2}-\d{2}$/.test(day.time)) {
    throw new RatesFeedError("The rates feed has no dated set of rates (expected the ECB daily envelope).");
  }
  const perEur: Record<string, string> = { EUR: "1" };
  for (const row of asArray(day.Cube)) {
    const currency = String(row.currency ?? "");
    const rate = String(row.rate ?? "");
    if (!/^[A-Z]{3}$/.test(currency)) throw new RatesFeedError(`The rates feed has a row without a currency code.`);
    try {
      parseRate(rate);
    } catch {
      throw new RatesFeedError(
        `The rates feed's rate for ${currency} is not a positive number: ${JSON.stringify(rate)}.`,
      );
    }
    perEur[currency] = rate;
  }
  if (Object.keys(perEur).length === 1) throw new RatesFeedError("The rates feed lists no rates.");
  return { asOf: day.time, perEur };
}

/** Fetches and reads the feed at `url`, giving up after `timeoutMs`. */
export async function fetchEcbDaily(url: string, timeoutMs = 10_000): Promise<FeedRates> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/xml, text/xml" },
    });
  } catch (err) {
    throw new RatesFeedError(`The rates feed at ${url} did not answer: ${(err as Error).message}`);
  }
  if (!res.ok) throw new RatesFeedError(`The rates feed at ${url} answered ${res.status}.`);
  return parseEcbDaily(await res.text());
}
