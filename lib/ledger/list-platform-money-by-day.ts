import "server-only";

import { db } from "@/lib/db/client";

import { buyerAccount, CHARGEBACK_LOSSES, COMMISSION, TAX_PAYABLE } from "./accounts";

/**
 * The platform's money per UTC day and currency, as the ledger booked it (by the entries'
 * created_at). These are the ledger's own sums, so anything built on them reconciles with it:
 *
 * - capturedCents: buyers' payments at capture (`capture`: buyer → escrow), tax included;
 * - taxCents: the tax moved from escrow to the tax payable at capture (`tax`), same day;
 * - orders: orders captured (one `capture` entry each);
 * - refundedCents: refunds paid back to buyers, without their tax share (`refund` entries to a
 *   buyer, except those from the tax payable);
 * - commissionCents: the net change of the platform's commission (credited at release, debited
 *   by reversals on refunds after release and by chargebacks, credited again by won ones);
 * - chargebackCents: money the card network took back for buyers (`chargeback` to a buyer,
 *   except the tax payable's part), less what came back when a dispute was won;
 * - chargebackLossCents: the net change of the platform's chargeback losses (dispute fees).
 */
export type PlatformMoneyDay = {
  day: string;
  currency: string;
  orders: number;
  capturedCents: number;
  taxCents: number;
  refundedCents: number;
  commissionCents: number;
  chargebackCents: number;
  chargebackLossCents: number;
};

type Row = { [K in keyof PlatformMoneyDay]: K extends "day" | "currency" ? string : bigint | number };

/** Every day of [from, to] (inclusive UTC days, YYYY-MM-DD) that has entries, in order. */
export async function listPlatformMoneyByDay(opts: { from: string; to: string }): Promise<PlatformMoneyDay[]> {
  const buyers = `${buyerAccount("")}%`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT to_char(created_at, 'YYYY-MM-DD') AS day, currency,
           count(DISTINCT order_id) FILTER (WHERE entry_type = 'capture') AS orders,
           coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'capture'), 0)::bigint AS "capturedCents",
           coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'tax'), 0)::bigint AS "taxCents",
           coalesce(sum(amount_cents) FILTER (
             WHERE entry_type = 'refund' AND credit_account LIKE ${buyers} AND debit_account <> ${TAX_PAYABLE}), 0)::bigint
             AS "refundedCents",
           coalesce(sum(CASE WHEN credit_account = ${COMMISSION} THEN amount_cents
                             WHEN debit_account = ${COMMISSION} THEN -amount_cents END), 0)::bigint AS "commissionCents",
           coalesce(sum(CASE WHEN entry_type = 'chargeback' AND credit_account LIKE ${buyers}
                              AND debit_account <> ${TAX_PAYABLE} THEN amount_cents
                             WHEN entry_type = 'chargeback_reversal' AND debit_account LIKE ${buyers}
                              THEN -amount_cents END), 0)::bigint AS "chargebackCents",
           coalesce(sum(CASE WHEN debit_account = ${CHARGEBACK_LOSSES} THEN amount_cents
                             WHEN credit_account = ${CHARGEBACK_LOSSES} THEN -amount_cents END), 0)::bigint
             AS "chargebackLossCents"
      FROM ledger_entries
     WHERE created_at >= ${opts.from}::timestamp AND created_at < ${opts.to}::timestamp + interval '1 day'
     GROUP BY 1, 2
     ORDER BY 1, 2`;
  return rows.map((r) => ({
    day: r.day,
    currency: r.currency,
    orders: Number(r.orders),
    capturedCents: Number(r.capturedCents),
    taxCents: Number(r.taxCents),
    refundedCents: Number(r.refundedCents),
    commissionCents: Number(r.commissionCents),
    chargebackCents: Number(r.chargebackCents),
    chargebackLossCents: Number(r.chargebackLossCents),
  }));
}
