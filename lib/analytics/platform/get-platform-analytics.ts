import "server-only";

import type { CurrentUser } from "@/lib/auth/current-user";
import { actsAsAdmin } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { countActiveParties } from "@/lib/ledger/count-active-parties";
import { listPlatformMoneyByDay, type PlatformMoneyDay } from "@/lib/ledger/list-platform-money-by-day";

import { daysOf, type AnalyticsRange } from "../report/analytics-range";

const TOP_CATEGORIES = 10;
const TOP_NO_RESULT_QUERIES = 20;

/**
 * GMV, as this report and its CSV define it: what buyers paid at capture for goods and
 * shipping, tax excluded (VAT inside prices and sales tax on top alike), before refunds and
 * chargebacks, per currency (never converted), booked on the UTC day of the capture. In ledger
 * terms: the `capture` entries (buyer → escrow) less the `tax` entries (escrow → tax payable)
 * booked with them. Refunds, chargebacks and commission are shown beside it by the day the
 * ledger booked them, so a period's take rate is the commission booked in it (at release,
 * days after capture, less reversals) over the GMV captured in it.
 */
export type PlatformMoney = {
  currency: string;
  orders: number;
  gmvCents: number;
  commissionCents: number;
  refundedCents: number;
  chargebackCents: number;
  chargebackLossCents: number;
};

export type PlatformPeriod = {
  /** Per currency, most orders first. */
  money: PlatformMoney[];
  orders: number;
  activeBuyers: number;
  activeSellers: number;
  newSellers: number;
  /** Captured orders held for payment review, how many of those were refused (refunded), and chargebacks opened. */
  fraudHolds: number;
  fraudHoldsRefused: number;
  chargebacksOpened: number;
};

/** A day of the range: orders in every currency, and each currency's money (zero-filled). */
export type PlatformDay = { day: string; orders: number; money: Record<string, Omit<PlatformMoney, "currency">> };
export type CategorySales = { category: string; currency: string; orders: number; salesCents: number };
export type NoResultQuery = { query: string; searches: number; searchers: number; lastSearchedAt: Date };

export type PlatformAnalytics = {
  range: AnalyticsRange;
  /** Currencies with money in either period; the first is the main one (most orders). */
  currencies: string[];
  current: PlatformPeriod;
  previous: PlatformPeriod;
  days: PlatformDay[];
  topCategories: CategorySales[];
  noResultQueries: NoResultQuery[];
};

export const NO_MONEY: Omit<PlatformMoney, "currency"> = {
  orders: 0,
  gmvCents: 0,
  commissionCents: 0,
  refundedCents: 0,
  chargebackCents: 0,
  chargebackLossCents: 0,
};

function moneyOf(rows: PlatformMoneyDay[]): PlatformMoney[] {
  const byCurrency = new Map<string, PlatformMoney>();
  for (const r of rows) {
    const m = byCurrency.get(r.currency) ?? { currency: r.currency, ...NO_MONEY };
    m.orders += r.orders;
    m.gmvCents += r.capturedCents - r.taxCents;
    m.commissionCents += r.commissionCents;
    m.refundedCents += r.refundedCents;
    m.chargebackCents += r.chargebackCents;
    m.chargebackLossCents += r.chargebackLossCents;
    byCurrency.set(r.currency, m);
  }
  return [...byCurrency.values()].sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency));
}

async function period(rows: PlatformMoneyDay[], from: string, to: string): Promise<PlatformPeriod> {
  const money = moneyOf(rows.filter((r) => r.day >= from && r.day <= to));
  const [parties, newSellers, [holds], [chargebacks]] = await Promise.all([
    countActiveParties({ from, to }),
    db().sellerProfile.count({
      where: {
        createdAt: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) },
      },
    }),
    db().$queryRaw<{ holds: bigint; refused: bigint }[]>`
      SELECT count(*) AS holds, count(*) FILTER (WHERE status = 'rejected') AS refused
        FROM moderation_cases
       WHERE subject_type = 'order' AND created_at >= ${from}::timestamp AND created_at < ${to}::timestamp + interval '1 day'`,
    db().$queryRaw<{ opened: bigint }[]>`
      SELECT count(*) AS opened FROM chargebacks
       WHERE created_at >= ${from}::timestamp AND created_at < ${to}::timestamp + interval '1 day'`,
  ]);
  return {
    money,
    orders: money.reduce((s, m) => s + m.orders, 0),
    activeBuyers: parties.buyers,
    activeSellers: parties.sellers,
    newSellers,
    fraudHolds: Number(holds?.holds ?? 0),
    fraudHoldsRefused: Number(holds?.refused ?? 0),
    chargebacksOpened: Number(chargebacks?.opened ?? 0),
  };
}

/**
 * The platform's numbers for admins over a range and the period before it: GMV (defined on
 * PlatformMoney), commission and take rate, orders and average order value, refunds and
 * chargebacks, all from the ledger; active buyers and sellers (of captured orders), new shops,
 * payment-review holds, the top categories by item sales and the searches that found nothing.
 * Admins only: the viewer is checked here, whoever calls.
 */
export async function getPlatformAnalytics(opts: {
  viewer: Pick<CurrentUser, "role" | "twoFactorEnabled"> | null;
  range: AnalyticsRange;
}): Promise<PlatformAnalytics> {
  const { viewer, range } = opts;
  if (!actsAsAdmin(viewer))
    throw new AppError("forbidden", "Platform analytics are for admins with two-factor sign-in on.");
  const rows = await listPlatformMoneyByDay({ from: range.previous.from, to: range.to });
  const [current, previous, topCategories, noResultQueries] = await Promise.all([
    period(rows, range.from, range.to),
    period(rows, range.previous.from, range.previous.to),
    listTopCategories(range),
    listNoResultQueries(range),
  ]);
  const currencies = [...new Set([...current.money, ...previous.money].map((m) => m.currency))];

  const days = daysOf(range).map((day): PlatformDay => {
    const ofDay = moneyOf(rows.filter((r) => r.day === day));
    const money: PlatformDay["money"] = {};
    for (const c of currencies) {
      const { currency: _, ...m } = ofDay.find((x) => x.currency === c) ?? { currency: c, ...NO_MONEY };
      money[c] = m;
    }
    return { day, orders: ofDay.reduce((s, m) => s + m.orders, 0), money };
  });
  return { range, currencies, current, previous, days, topCategories, noResultQueries };
}

/**
 * Item sales (unit price × quantity, as charged, shipping excluded) of the orders captured in the
 * range, by top-level category and currency. A ranking, not a ledger figure: VAT-inclusive
 * prices carry their tax here.
 */
async function listTopCategories(range: AnalyticsRange): Promise<CategorySales[]> {
  const rows = await db().$queryRaw<{ category: string; currency: string; orders: bigint; salesCents: bigint }[]>`
    SELECT root.name AS category, i.currency, count(DISTINCT i.order_id) AS orders,
           sum(i.unit_price_cents::bigint * i.quantity) AS "salesCents"
      FROM ledger_entries e
      JOIN order_items i ON i.order_id = e.order_id
      JOIN products p ON p.id = i.product_id
      JOIN categories c ON c.id = p.category_id
      JOIN categories root ON root.path = split_part(c.path, '/', 1)
     WHERE e.entry_type = 'capture'
       AND e.created_at >= ${range.from}::timestamp AND e.created_at < ${range.to}::timestamp + interval '1 day'
     GROUP BY root.name, i.currency
     ORDER BY "salesCents" DESC, root.name
     LIMIT ${TOP_CATEGORIES}`;
  return rows.map((r) => ({ ...r, orders: Number(r.orders), salesCents: Number(r.salesCents) }));
}

/** The searches whose first page found nothing, most frequent first: where a synonym is missing. */
async function listNoResultQueries(range: AnalyticsRange): Promise<NoResultQuery[]> {
  const rows = await db().$queryRaw<{ query: string; searches: bigint; searchers: bigint; lastSearchedAt: Date }[]>`
    SELECT query, count(*) AS searches, count(DISTINCT user_id) AS searchers, max(created_at) AS "lastSearchedAt"
      FROM search_events
     WHERE kind = 'no_results' AND query <> ''
       AND created_at >= ${range.from}::timestamp AND created_at < ${range.to}::timestamp + interval '1 day'
     GROUP BY query
     ORDER BY searches DESC, query
     LIMIT ${TOP_NO_RESULT_QUERIES}`;
  return rows.map((r) => ({ ...r, searches: Number(r.searches), searchers: Number(r.searchers) }));
}
