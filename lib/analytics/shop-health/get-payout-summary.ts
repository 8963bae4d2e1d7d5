import "server-only";

import type { AnalyticsRange } from "@/lib/analytics/report/analytics-range";
import { db } from "@/lib/db/client";
import { getSellerLedgerBalance } from "@/lib/ledger/get-seller-ledger-balance";
import { listSellerLedgerCurrencies } from "@/lib/ledger/list-seller-ledger-currencies";

import { nextDailyPayoutRun } from "./next-daily-payout-run";

/** A seller's payouts in one currency: received in the period (and the one before), on the way, and still to come. */
export type PayoutSummary = {
  currency: string;
  /** Payouts that reached the bank, by their arrival date, in the range and in the period before. */
  received: { payouts: number; amountCents: number };
  previousReceived: { payouts: number; amountCents: number };
  /** Payouts sent and not yet arrived: their sum and the earliest expected arrival. */
  inTransit: { payouts: number; amountCents: number; nextArrival: Date | null };
  /** The ledger's available balance (payable less anything owed back): what the next run pays. */
  availableCents: number;
  /** Buyers' money for this seller's orders still in escrow (less commission): paid out after release. */
  heldCents: number;
  /** The next daily run, or null while the shop has no payout account that can be paid. */
  nextPayoutAt: Date | null;
};

/**
 * Payouts received in the range and the period before it (by arrival date), payouts in transit,
 * the available balance the next daily run pays out, and the escrow held for the seller, per
 * currency the seller has money in. The same sums as /seller/payments (the ledger and orders).
 */
export async function getPayoutSummary(opts: {
  sellerId: string;
  range: AnalyticsRange;
  now?: Date;
}): Promise<PayoutSummary[]> {
  const { sellerId, range } = opts;
  const now = opts.now ?? new Date();
  const [payouts, held, profile] = await Promise.all([
    db().$queryRaw<{ currency: string; bucket: string; n: number; cents: bigint; next_arrival: Date | null }[]>`
      SELECT currency,
             CASE WHEN status IN ('pending', 'in_transit') THEN 'transit'
                  WHEN coalesce(arrival_date, created_at) >= ${range.from}::timestamp THEN 'current' ELSE 'previous' END AS bucket,
             count(*)::int AS n, sum(amount_cents)::bigint AS cents, min(arrival_date) AS next_arrival
        FROM payouts
       WHERE seller_id = ${sellerId}::uuid
         AND (status IN ('pending', 'in_transit')
              OR (status = 'paid' AND coalesce(arrival_date, created_at) >= ${range.previous.from}::timestamp
                  AND coalesce(arrival_date, created_at) < ${range.to}::timestamp + interval '1 day'))
       GROUP BY 1, 2`,
    db().$queryRaw<{ currency: string; cents: bigint }[]>`
      SELECT currency, sum((total_cents - refunded_cents) - (platform_fee_cents - refunded_fee_cents))::bigint AS cents
        FROM orders WHERE seller_id = ${sellerId}::uuid AND escrow_status = 'held' GROUP BY currency`,
    db().sellerProfile.findUnique({
      where: { id: sellerId },
      select: { stripeAccountId: true, payoutsEnabled: true },
    }),
  ]);
  const ledgerCurrencies = await listSellerLedgerCurrencies(db(), sellerId);
  const currencies = [...new Set([...ledgerCurrencies, ...[...held, ...payouts].map((r) => r.currency)])].sort();
  const canBePaid = Boolean(profile?.stripeAccountId && profile.payoutsEnabled);
  return Promise.all(
    currencies.map(async (currency): Promise<PayoutSummary> => {
      const balance = await getSellerLedgerBalance(db(), { sellerId, currency });
      const row = (bucket: string) => payouts.find((p) => p.currency === currency && p.bucket === bucket);
      const sum = (bucket: string) => ({ payouts: row(bucket)?.n ?? 0, amountCents: Number(row(bucket)?.cents ?? 0) });
      return {
        currency,
        received: sum("current"),
        previousReceived: sum("previous"),
        inTransit: { ...sum("transit"), nextArrival: row("transit")?.next_arrival ?? null },
        availableCents: Math.max(0, balance.payableCents + balance.receivableCents),
        heldCents: Number(held.find((h) => h.currency === currency)?.cents ?? 0),
        nextPayoutAt: canBePaid ? nextDailyPayoutRun(now) : null,
      };
    }),
  );
}
