import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { SUPPORTED_CURRENCIES } from "@/lib/money/currencies";

import { parseRate } from "./rate-math";

/**
 * An admin sets one currency's rate per euro by hand (the table used when no feed is
 * configured, or a correction until the next feed day). The euro is always 1. Recorded in the
 * audit log with the old and new rate.
 */
export async function setExchangeRate(opts: { adminId: string; currency: string; perEur: string }) {
  const currency = opts.currency.trim().toUpperCase();
  if (!(SUPPORTED_CURRENCIES as readonly string[]).includes(currency))
    throw new AppError(
      "bad_request",
      `Unknown currency "${opts.currency}". Listings are priced in ${SUPPORTED_CURRENCIES.join(", ")}.`,
    );
  if (currency === "EUR") throw new AppError("bad_request", "Rates are per euro: the euro's own rate is always 1.");
  const text = opts.perEur.trim();
  try {
    parseRate(text);
  } catch {
    throw new AppError("bad_request", "Enter the rate as a positive number with at most 8 decimals, like 1.0512.");
  }
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return db().$transaction(async (tx) => {
    const before = await tx.exchangeRate.findUnique({ where: { currency } });
    const data = { perEur: text, asOf: today, source: "admin", updatedBy: opts.adminId };
    await tx.exchangeRate.upsert({ where: { currency }, create: { currency, ...data }, update: data });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "exchange_rate.set",
      target: { type: "exchange_rate", id: currency },
      details: { from: before?.perEur.toFixed() ?? null, to: text },
    });
    return { currency, perEur: text };
  });
}
