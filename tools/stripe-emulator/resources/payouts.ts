// Payouts from an account's available balance to its (imaginary) bank account; for a connected
// account, called with its Stripe-Account header. A payout is `pending` until its arrival date
// on the emulator's clock, then `paid`; the control API can fail it, which returns the money.
import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { missingResource, stateError } from "../lib/errors";
import { newId } from "../lib/ids";
import { availableBalance, recordMovement, transactionsOf } from "../lib/ledger";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata, type MetadataUpdate } from "../lib/params";
import { route, type RequestContext } from "../lib/router";
import { payoutInterval, type PayoutInterval } from "./accounts";

const FAILURE_MESSAGES: Record<string, string> = {
  account_closed: "The bank account has been closed.",
  account_frozen: "The bank account has been frozen.",
  bank_account_restricted: "The bank account has restrictions on either the type, or the number, of payouts allowed.",
  could_not_process: "The bank could not process this payout.",
  insufficient_funds: "Your Stripe account has insufficient funds to cover the payout.",
  invalid_account_number: "The bank account number is invalid.",
  no_account: "The bank account details on file are probably incorrect.",
};

function eventScope(emu: Emulator, payout: Stripe.Payout): { account?: string } {
  const owner = emu.store.ownerOf(payout.id);
  return owner === emu.state.platformAccountId ? {} : { account: owner };
}

/** A payout of the calling account; another account's payout does not exist for it. */
function getOwnPayout(ctx: RequestContext, id: string): Stripe.Payout {
  const payout = getOr404(ctx.emu.state.payouts, id, "payout");
  if (ctx.emu.store.ownerOf(id) !== ctx.account) throw missingResource("payout", id);
  return payout;
}

function markPaid(emu: Emulator, payout: Stripe.Payout): void {
  payout.status = "paid";
  emu.emit("payout.paid", payout, eventScope(emu, payout));
}

/** Payouts whose arrival date has come on the emulator's clock are paid. */
export function settleDuePayouts(emu: Emulator): void {
  const now = emu.now();
  for (const payout of Object.values(emu.state.payouts)) {
    if (payout.status === "pending" && payout.arrival_date <= now) markPaid(emu, payout);
  }
}

/** Pays every pending payout now (of one account, or all), whatever its arrival date. */
export function payPendingPayouts(emu: Emulator, account?: string): string[] {
  const paid: string[] = [];
  for (const payout of Object.values(emu.state.payouts)) {
    if (payout.status !== "pending" || (account && emu.store.ownerOf(payout.id) !== account)) continue;
    markPaid(emu, payout);
    paid.push(payout.id);
  }
  return paid;
}

/** The bank returned the payout: it fails and its amount goes back to the account's balance. */
export function failPayout(emu: Emulator, payoutId: string, failureCode: string): Stripe.Payout {
  const payout = getOr404(emu.state.payouts, payoutId, "payout");
  if (payout.status !== "pending" && payout.status !== "paid")
    throw stateError(`Payout ${payout.id} is ${payout.status}; it cannot fail.`, "payout_unexpected_state");
  const returned = recordMovement(emu, {
    account: emu.store.ownerOf(payout.id),
    amount: payout.amount,
    currency: payout.currency,
    type: "payout_failure",
    reportingCategory: "payout_reversal",
    source: payout.id,
  });
  payout.status = "failed";
  payout.failure_code = failureCode;
  payout.failure_message = FAILURE_MESSAGES[failureCode] ?? "The payout failed.";
  payout.failure_balance_transaction = returned.id;
  emu.emit("payout.failed", payout, eventScope(emu, payout));
  return payout;
}

type PayoutInput = {
  amount: number;
  currency: string;
  description: string | null;
  method: "standard" | "instant";
  statementDescriptor: string | null;
  metadata: MetadataUpdate | undefined;
  automatic: boolean;
};

function createPayout(emu: Emulator, account: string, input: PayoutInput): Stripe.Payout {
  const id = newId("po");
  const now = emu.now();
  const debit = recordMovement(emu, {
    account,
    amount: -input.amount,
    currency: input.currency,
    type: "payout",
    reportingCategory: "payout",
    source: id,
  });
  const payout: Stripe.Payout = {
    id,
    object: "payout",
    amount: input.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: input.method === "instant" ? now : now + emu.options.payoutDelaySeconds,
    automatic: input.automatic,
    balance_transaction: debit.id,
    created: now,
    currency: input.currency,
    description: input.description,
    destination: `ba_${account.slice(5, 29)}`,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: applyMetadata({}, input.metadata),
    method: input.method,
    original_payout: null,
    payout_method: null,
    reconciliation_status: "not_applicable",
    reversed_by: null,
    source_type: "card",
    statement_descriptor: input.statementDescriptor,
    status: "pending",
    trace_id: null,
    type: "bank_account",
  };
  emu.state.payouts[id] = payout;
  if (account !== emu.state.platformAccountId) emu.state.owners[id] = account;
  emu.emit("payout.created", payout, eventScope(emu, payout));
  return payout;
}

const INTERVAL_SECONDS: Record<Exclude<PayoutInterval, "manual">, number> = {
  daily: 86_400,
  weekly: 7 * 86_400,
  monthly: 30 * 86_400,
};

/**
 * Stripe's automatic payouts: an onboarded connected account whose schedule is not "manual" has
 * its whole available balance paid out once per interval (on the emulator's clock, counted from
 * its last automatic payout or its creation). A platform that holds money in its sellers'
 * accounts must set "manual", or this takes it.
 */
export function runAutomaticPayouts(emu: Emulator): void {
  const now = emu.now();
  for (const account of Object.values(emu.state.accounts)) {
    if (account.id === emu.state.platformAccountId || !account.payouts_enabled) continue;
    const interval = payoutInterval(account);
    if (interval === "manual") continue;
    const last = Object.values(emu.state.payouts)
      .filter((po) => po.automatic && emu.store.ownerOf(po.id) === account.id)
      .reduce((latest, po) => Math.max(latest, po.created), account.created ?? 0);
    if (now < last + INTERVAL_SECONDS[interval]) continue;
    const balances = new Map<string, number>();
    for (const t of transactionsOf(emu, account.id))
      if (t.status === "available") balances.set(t.currency, (balances.get(t.currency) ?? 0) + t.net);
    for (const [currency, amount] of balances) {
      if (amount > 0)
        createPayout(emu, account.id, {
          amount,
          currency,
          description: "STRIPE PAYOUT",
          method: "standard",
          statementDescriptor: null,
          metadata: undefined,
          automatic: true,
        });
    }
  }
}

export const payoutRoutes = [
  route({
    method: "POST",
    path: "/v1/payouts",
    connect: true,
    parse: (p) => {
      const input = {
        amount: p.requiredInt("amount", { min: 1 }),
        currency: p.requiredString("currency").toLowerCase(),
        description: p.string("description") || null,
        method: p.oneOf("method", ["standard", "instant"] as const) ?? "standard",
        statementDescriptor: p.string("statement_descriptor", { maxLength: 22 }) || null,
        metadata: p.metadata(),
      };
      p.ignore("destination", "source_type", "payout_method");
      return input;
    },
    run: (input, ctx) => {
      const { emu, account } = ctx;
      if (!emu.state.accounts[account].payouts_enabled) {
        throw stateError(
          "Payouts are not enabled on this account: it has not completed onboarding.",
          "payouts_not_allowed",
        );
      }
      if (input.amount > availableBalance(emu, account, input.currency)) {
        throw stateError(
          "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low.",
          "balance_insufficient",
          { param: "amount" },
        );
      }
      return createPayout(emu, account, { ...input, automatic: false });
    },
  }),
  route({
    method: "GET",
    path: "/v1/payouts/:id",
    connect: true,
    parse: () => null,
    run: (_, ctx) => getOwnPayout(ctx, ctx.path.id),
  }),
  route({
    method: "GET",
    path: "/v1/payouts",
    connect: true,
    parse: (p) => ({ query: readListQuery(p), status: p.string("status") }),
    run: ({ query, status }, { emu, account }) =>
      paginate(
        Object.values(emu.state.payouts).filter(
          (po) => emu.store.ownerOf(po.id) === account && (status === undefined || po.status === status),
        ),
        query,
        "/v1/payouts",
      ),
  }),
  route({
    method: "POST",
    path: "/v1/payouts/:id",
    connect: true,
    parse: (p) => p.metadata(),
    run: (metadata, ctx) => {
      const payout = getOwnPayout(ctx, ctx.path.id);
      payout.metadata = applyMetadata(payout.metadata, metadata);
      ctx.emu.emit("payout.updated", payout, eventScope(ctx.emu, payout));
      return payout;
    },
  }),
  route({
    method: "POST",
    path: "/v1/payouts/:id/cancel",
    connect: true,
    parse: () => null,
    run: (_, ctx) => {
      const { emu } = ctx;
      const payout = getOwnPayout(ctx, ctx.path.id);
      if (payout.status !== "pending")
        throw stateError(
          `Payout ${payout.id} is ${payout.status}; only pending payouts can be canceled.`,
          "payout_not_cancelable",
        );
      recordMovement(emu, {
        account: ctx.account,
        amount: payout.amount,
        currency: payout.currency,
        type: "payout_cancel",
        reportingCategory: "payout_reversal",
        source: payout.id,
      });
      payout.status = "canceled";
      emu.emit("payout.canceled", payout, eventScope(emu, payout));
      return payout;
    },
  }),
];
