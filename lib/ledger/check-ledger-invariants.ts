import "server-only";

import { db } from "@/lib/db/client";

import { ESCROW, TAX_PAYABLE } from "./accounts";

export type InvariantResult = { name: string; ok: boolean; detail: string };

/**
 * The ledger's invariants, checked after every integration test and shown to admins:
 * 1. every transaction's entries balance per currency (debits = credits);
 * 2. escrow holds exactly the totals of orders whose escrow is "held", less what was refunded
 *    of them and less their tax (which went to the tax payable at capture), per currency;
 * 3. no order's escrow is negative and no order was released twice;
 * 4. a seller's payable is never negative unless a receivable records the shortfall;
 * 5. no order is refunded above what was paid, and its refunded counter, its applied refunds
 *    and its ledger refunds agree;
 * 6. no chargeback gives back more than is left of the order, and no order frozen by an open
 *    chargeback was released;
 * 7. every paid order's tax reached the tax payable once, its refunds' tax left it exactly, and
 *    no tax ever went to a seller;
 * 8. an order paid in another currency than its shop's: the buyer paid its charge and got its
 *    refunds back in that currency only, and its whole total reached escrow in the shop's, through
 *    the FX account (each currency balanced on its own, the conversion explicit).
 */
export async function checkLedgerInvariants(): Promise<{ ok: boolean; results: InvariantResult[] }> {
  const results: InvariantResult[] = [];

  // Each row is one debit and one credit of the same amount, so a set balances per currency
  // when the sum over rows of (credit - debit) is zero for every transaction; this also
  // catches a transaction that mixes currencies.
  const unbalanced = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING count(DISTINCT currency) > 1
    ) t`;
  results.push({
    name: "Every money movement balances (debits = credits, one currency)",
    ok: unbalanced[0].n === 0,
    detail: unbalanced[0].n === 0 ? "all balanced" : `${unbalanced[0].n} transactions mix currencies`,
  });

  const escrow = await db().$queryRaw<{ currency: string; ledger: bigint; held: bigint }[]>`
    WITH ledger AS (
      SELECT currency, sum(CASE WHEN credit_account = ${ESCROW} THEN amount_cents ELSE -amount_cents END)::bigint AS balance
        FROM ledger_entries WHERE credit_account = ${ESCROW} OR debit_account = ${ESCROW} GROUP BY currency
    ), held AS (
      SELECT currency, sum(total_cents - refunded_cents - (tax_cents - refunded_tax_cents))::bigint AS total
        FROM orders WHERE escrow_status = 'held' GROUP BY currency
    )
    SELECT coalesce(l.currency, h.currency) AS currency, coalesce(l.balance, 0) AS ledger, coalesce(h.total, 0) AS held
      FROM ledger l FULL JOIN held h ON h.currency = l.currency`;
  const escrowBad = escrow.filter((r) => Number(r.ledger) !== Number(r.held));
  results.push({
    name: "Escrow balance equals the sum of held orders, less their partial refunds and their tax",
    ok: escrowBad.length === 0,
    detail:
      escrow.length === 0
        ? "no escrow yet"
        : escrow.map((r) => `${r.currency}: ledger ${r.ledger}, held orders ${r.held}`).join("; "),
  });

  const perOrder = await db().$queryRaw<{ order_id: string; balance: bigint; releases: number }[]>`
    SELECT order_id,
           sum(CASE WHEN credit_account = ${ESCROW} THEN amount_cents WHEN debit_account = ${ESCROW} THEN -amount_cents ELSE 0 END)::bigint AS balance,
           count(*) FILTER (WHERE entry_type = 'release')::int AS releases
      FROM ledger_entries WHERE order_id IS NOT NULL GROUP BY order_id
     HAVING sum(CASE WHEN credit_account = ${ESCROW} THEN amount_cents WHEN debit_account = ${ESCROW} THEN -amount_cents ELSE 0 END) < 0
         OR count(*) FILTER (WHERE entry_type = 'release') > 1`;
  results.push({
    name: "No order's escrow is negative or released twice",
    ok: perOrder.length === 0,
    detail:
      perOrder.length === 0
        ? "none"
        : perOrder
            .slice(0, 5)
            .map((r) => `order ${r.order_id}: escrow ${r.balance}, releases ${r.releases}`)
            .join("; "),
  });

  const sellers = await db().$queryRaw<{ seller: string; currency: string; payable: bigint; receivable: bigint }[]>`
    WITH moves AS (
      SELECT credit_account AS account, currency, amount_cents AS delta FROM ledger_entries WHERE credit_account LIKE 'seller:%'
      UNION ALL
      SELECT debit_account, currency, -amount_cents FROM ledger_entries WHERE debit_account LIKE 'seller:%'
    ), balances AS (
      SELECT split_part(account, ':', 2) AS seller, split_part(account, ':', 3) AS kind, currency, sum(delta)::bigint AS balance FROM moves GROUP BY 1, 2, 3
    )
    SELECT seller, currency,
           coalesce(max(balance) FILTER (WHERE kind = 'payable'), 0) AS payable,
           coalesce(max(balance) FILTER (WHERE kind = 'receivable'), 0) AS receivable
      FROM balances GROUP BY seller, currency`;
  // A receivable is money the seller owes, so its balance is negative (debited).
  const negative = sellers.filter((s) => Number(s.payable) < 0 && Number(s.payable) < Number(s.receivable));
  results.push({
    name: "No seller payable is negative without a recorded receivable",
    ok: negative.length === 0,
    detail:
      negative.length === 0
        ? `${sellers.length} seller balances checked`
        : negative
            .slice(0, 5)
            .map((s) => `seller ${s.seller}: payable ${s.payable}, receivable ${s.receivable}`)
            .join("; "),
  });

  // Refunds still in flight (claimed, not yet applied) count against what was paid too.
  const overRefunded = await db().$queryRaw<
    { order_id: string; total: number; refunded: number; ledger: bigint; applied: bigint; claimed: bigint }[]
  >`
    SELECT o.id AS order_id, o.total_cents AS total, o.refunded_cents AS refunded,
           coalesce(l.cents, 0)::bigint AS ledger, coalesce(r.applied, 0)::bigint AS applied, coalesce(r.claimed, 0)::bigint AS claimed
      FROM orders o
      -- In the order's own currency: one paid in another also has refund entries in that one (invariant 8).
      LEFT JOIN (SELECT order_id, currency, sum(amount_cents) AS cents FROM ledger_entries WHERE entry_type = 'refund' AND order_id IS NOT NULL GROUP BY order_id, currency) l
             ON l.order_id = o.id AND l.currency = o.currency
      LEFT JOIN (SELECT order_id, sum(amount_cents) FILTER (WHERE applied_at IS NOT NULL) AS applied, sum(amount_cents) FILTER (WHERE status <> 'failed') AS claimed
                   FROM refunds WHERE kind <> 'late_payment' GROUP BY order_id) r ON r.order_id = o.id
     WHERE (l.cents IS NOT NULL OR r.order_id IS NOT NULL OR o.refunded_cents <> 0)
       AND (coalesce(l.cents, 0) <> o.refunded_cents OR coalesce(r.applied, 0) <> o.refunded_cents OR coalesce(r.claimed, 0) > o.total_cents)`;
  results.push({
    name: "No order is refunded above what was paid (counters, refunds and ledger agree)",
    ok: overRefunded.length === 0,
    detail:
      overRefunded.length === 0
        ? "none"
        : overRefunded
            .slice(0, 5)
            .map(
              (r) =>
                `order ${r.order_id}: paid ${r.total}, refunded ${r.refunded}, ledger ${r.ledger}, applied ${r.applied}, claimed ${r.claimed}`,
            )
            .join("; "),
  });

  // A chargeback gives the buyer back at most what is left of the order after refunds, and a
  // held order under an open chargeback is never released.
  const overCharged = await db().$queryRaw<
    { order_id: string; paid: number; back: bigint; frozen_released: boolean }[]
  >`
    SELECT o.id AS order_id, o.total_cents - o.refunded_cents AS paid, coalesce(l.back, 0)::bigint AS back,
           (o.escrow_status = 'released' AND EXISTS (SELECT 1 FROM chargebacks c WHERE c.order_id = o.id AND c.status = 'open' AND c.stage = 'held')) AS frozen_released
      FROM orders o
      JOIN (SELECT order_id,
                   sum(CASE WHEN entry_type = 'chargeback' AND credit_account LIKE 'buyer:%' THEN amount_cents
                            WHEN entry_type = 'chargeback_reversal' AND debit_account LIKE 'buyer:%' THEN -amount_cents ELSE 0 END) AS back
              FROM ledger_entries WHERE entry_type IN ('chargeback', 'chargeback_reversal') AND order_id IS NOT NULL GROUP BY order_id) l ON l.order_id = o.id
     WHERE coalesce(l.back, 0) > o.total_cents - o.refunded_cents OR coalesce(l.back, 0) < 0
        OR (o.escrow_status = 'released' AND EXISTS (SELECT 1 FROM chargebacks c WHERE c.order_id = o.id AND c.status = 'open' AND c.stage = 'held'))`;
  results.push({
    name: "No chargeback returns more than was paid, and no frozen order was released",
    ok: overCharged.length === 0,
    detail:
      overCharged.length === 0
        ? "none"
        : overCharged
            .slice(0, 5)
            .map(
              (r) =>
                `order ${r.order_id}: paid ${r.paid}, charged back ${r.back}${r.frozen_released ? ", released while frozen" : ""}`,
            )
            .join("; "),
  });

  // Tax: what each captured order booked to the tax payable is its tax; what its refunds took
  // from it is its refunded tax; and the tax payable never pays a seller.
  const tax = await db().$queryRaw<
    { order_id: string | null; tax: number; booked: bigint; refunded: number; returned: bigint }[]
  >`
    SELECT o.id AS order_id, o.tax_cents AS tax, coalesce(l.booked, 0)::bigint AS booked,
           o.refunded_tax_cents AS refunded, coalesce(l.returned, 0)::bigint AS returned
      FROM orders o
      JOIN (SELECT order_id,
                   sum(amount_cents) FILTER (WHERE entry_type = 'capture') AS captured,
                   sum(amount_cents) FILTER (WHERE entry_type = 'tax' AND credit_account = ${TAX_PAYABLE}) AS booked,
                   sum(amount_cents) FILTER (WHERE entry_type = 'refund' AND debit_account = ${TAX_PAYABLE}) AS returned
              FROM ledger_entries WHERE order_id IS NOT NULL GROUP BY order_id) l ON l.order_id = o.id
     WHERE l.captured IS NOT NULL AND (coalesce(l.booked, 0) <> o.tax_cents OR coalesce(l.returned, 0) <> o.refunded_tax_cents)
    UNION ALL
    SELECT NULL, 0, count(*)::bigint, 0, 0 FROM ledger_entries
     WHERE debit_account = ${TAX_PAYABLE} AND credit_account LIKE 'seller:%' HAVING count(*) > 0`;
  results.push({
    name: "Each order's tax is in the tax payable, less its refunds' tax, and none went to a seller",
    ok: tax.length === 0,
    detail:
      tax.length === 0
        ? "none"
        : tax
            .slice(0, 5)
            .map((r) =>
              r.order_id === null
                ? `${r.booked} entries pay tax to a seller`
                : `order ${r.order_id}: tax ${r.tax}, booked ${r.booked}, refunded ${r.refunded}, returned ${r.returned}`,
            )
            .join("; "),
  });

  const fx = await db().$queryRaw<
    {
      order_id: string;
      charged: number;
      paid: bigint;
      refunded: number;
      back: bigint;
      other: number;
      escrowed: bigint;
      total: number;
    }[]
  >`
    SELECT o.id AS order_id, o.charge_total_cents AS charged, o.charge_refunded_cents AS refunded, o.total_cents AS total,
           coalesce(sum(l.amount_cents) FILTER (WHERE l.entry_type = 'capture' AND l.debit_account = 'buyer:' || o.buyer_id AND l.currency = o.charge_currency), 0)::bigint AS paid,
           coalesce(sum(l.amount_cents) FILTER (WHERE l.entry_type = 'refund' AND l.credit_account = 'buyer:' || o.buyer_id AND l.currency = o.charge_currency), 0)::bigint AS back,
           count(*) FILTER (WHERE (l.debit_account = 'buyer:' || o.buyer_id OR l.credit_account = 'buyer:' || o.buyer_id) AND l.currency <> o.charge_currency)::int AS other,
           coalesce(sum(l.amount_cents) FILTER (WHERE l.entry_type = 'fx' AND l.credit_account = ${ESCROW} AND l.currency = o.currency), 0)::bigint AS escrowed
      FROM orders o JOIN ledger_entries l ON l.order_id = o.id
     WHERE o.charge_currency IS NOT NULL AND o.charge_currency <> o.currency
     GROUP BY o.id, o.charge_total_cents, o.charge_refunded_cents, o.total_cents, o.buyer_id, o.charge_currency, o.currency
    HAVING count(*) FILTER (WHERE l.entry_type = 'capture') > 0`;
  const fxBad = fx.filter(
    (r) =>
      Number(r.paid) !== r.charged || Number(r.back) !== r.refunded || r.other > 0 || Number(r.escrowed) !== r.total,
  );
  results.push({
    name: "Orders paid in another currency: charged and refunded in it, their total escrowed in the shop's through FX",
    ok: fxBad.length === 0,
    detail:
      fxBad.length === 0
        ? `${fx.length} converted orders checked`
        : fxBad
            .slice(0, 5)
            .map(
              (r) =>
                `order ${r.order_id}: charged ${r.charged}, paid ${r.paid}, refunded ${r.refunded}, back ${r.back}, other-currency buyer entries ${r.other}, escrowed ${r.escrowed} of ${r.total}`,
            )
            .join("; "),
  });

  return { ok: results.every((r) => r.ok), results };
}
