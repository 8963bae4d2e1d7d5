import "server-only";

import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { getSellerLedgerBalance } from "@/lib/ledger/get-seller-ledger-balance";
import { listSellerLedgerCurrencies } from "@/lib/ledger/list-seller-ledger-currencies";
import { postPayout } from "@/lib/ledger/post-payout";
import { logger } from "@/lib/log/logger";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { stripe } from "@/lib/payments/stripe-client";

/**
 * The daily payout job: each seller's available balance (payable minus any receivable) is
 * paid out from their connected account and recorded in the ledger; a receivable is settled
 * from the payout first. The idempotency key is per seller, currency and day, so a rerun pays
 * nothing twice; a payout whose Stripe call never answered is retried under its own key, and
 * an admin's extra run the same day pays, under the next key, only what became available since.
 * Each payout is in the audit log as the actor's (the system's for the cron), and an admin's run too.
 */
export async function runDailyPayouts(
  opts: { day?: string; actor?: AuditActor } = {},
): Promise<{ paidOut: number; sellers: number }> {
  const actor = opts.actor ?? { role: "system" };
  const day = opts.day ?? new Date().toISOString().slice(0, 10);
  const sellers = await db().sellerProfile.findMany({
    where: { stripeAccountId: { not: null }, payoutsEnabled: true },
    select: { id: true, stripeAccountId: true },
  });
  let paidOut = 0;
  let count = 0;
  for (const s of sellers) {
    for (const currency of await listSellerLedgerCurrencies(db(), s.id)) {
      const { payableCents, receivableCents } = await getSellerLedgerBalance(db(), { sellerId: s.id, currency });
      const amount = payableCents + receivableCents;
      if (amount <= 0) continue;
      const base = `payout:${s.id}:${currency}:${day}`;
      const today = await db().payout.findMany({
        where: {
          sellerId: s.id,
          currency,
          OR: [{ idempotencyKey: base }, { idempotencyKey: { startsWith: `${base}:` } }],
        },
        select: { idempotencyKey: true, stripePayoutId: true, status: true },
      });
      const unanswered = today.find((p) => !p.stripePayoutId && p.status === "pending");
      const key = unanswered?.idempotencyKey ?? (today.length ? `${base}:${today.length + 1}` : base);
      const row = await db().payout.upsert({
        where: { idempotencyKey: key },
        create: { sellerId: s.id, idempotencyKey: key, amountCents: amount, currency },
        update: {},
      });
      try {
        const payout = await stripe().payouts.create(
          { amount: row.amountCents, currency: currency.toLowerCase(), metadata: { seller_id: s.id, day } },
          { stripeAccount: s.stripeAccountId!, idempotencyKey: key },
        );
        await db().$transaction(async (tx) => {
          await tx.payout.update({
            where: { idempotencyKey: key },
            data: {
              stripePayoutId: payout.id,
              status: payout.status === "paid" ? "paid" : "in_transit",
              arrivalDate: new Date(payout.arrival_date * 1000),
            },
          });
          await postPayout(tx, {
            sellerId: s.id,
            currency,
            amountCents: row.amountCents,
            payoutKey: key,
            receivableCents,
          });
          // The seller's email and note are written by the worker, outside this money transaction.
          await emitDomainEvent(tx, "payout.sent", { payoutId: row.id, sellerId: s.id });
          await recordAuditEvent(tx, {
            actor,
            action: "payout.created",
            target: { type: "seller", id: s.id },
            details: {
              payoutKey: key,
              stripePayoutId: payout.id,
              amountCents: row.amountCents,
              currency,
              receivableCents,
            },
          });
        });
        paidOut += row.amountCents;
        count++;
      } catch (err) {
        logger.error({ err, seller: s.id }, "payout failed to start");
        await db().payout.update({
          where: { idempotencyKey: key },
          data: { status: "failed", failureMessage: (err as Error).message.slice(0, 500) },
        });
      }
    }
  }
  if (actor.role === "admin")
    await recordAuditEvent(db(), {
      actor,
      action: "payouts.run",
      target: { type: "payout_run", id: day },
      details: { sellers: count, paidOutCents: paidOut },
    });
  return { paidOut, sellers: count };
}
