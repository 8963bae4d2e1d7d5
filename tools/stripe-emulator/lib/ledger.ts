// Money: every movement is a balance transaction on one account, and an account's balance is
// the sum of its balance transactions per currency, so balances cannot drift from history.
// No processing fees are charged; a dispute's fee is the one fee there is (`net = amount - fee`).
// Funds are available at once.
import type Stripe from "stripe";

import type { Emulator } from "./emulator";
import { newId } from "./ids";

export interface Movement {
  account: string;
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  reportingCategory: string;
  source: string;
  description?: string;
  /** A fee Stripe takes on top (negative: a fee given back). */
  fee?: number;
}

export function recordMovement(emu: Emulator, movement: Movement): Stripe.BalanceTransaction {
  const now = emu.now();
  const transaction: Stripe.BalanceTransaction = {
    id: newId("txn"),
    object: "balance_transaction",
    amount: movement.amount,
    available_on: now,
    balance_type: "payments",
    created: now,
    currency: movement.currency,
    description: movement.description ?? null,
    exchange_rate: null,
    fee: movement.fee ?? 0,
    fee_details: movement.fee
      ? [
          {
            amount: movement.fee,
            application: null,
            currency: movement.currency,
            description: "Dispute fee",
            type: "stripe_fee",
          },
        ]
      : [],
    net: movement.amount - (movement.fee ?? 0),
    reporting_category: movement.reportingCategory,
    source: movement.source,
    status: "available",
    type: movement.type,
  };
  emu.state.balanceTransactions[transaction.id] = transaction;
  if (movement.account !== emu.state.platformAccountId) emu.state.owners[transaction.id] = movement.account;
  return transaction;
}

export function transactionsOf(emu: Emulator, account: string): Stripe.BalanceTransaction[] {
  return Object.values(emu.state.balanceTransactions).filter((t) => emu.store.ownerOf(t.id) === account);
}

export function availableBalance(emu: Emulator, account: string, currency: string): number {
  return transactionsOf(emu, account)
    .filter((t) => t.currency === currency && t.status === "available")
    .reduce((sum, t) => sum + t.net, 0);
}

export function balanceOf(emu: Emulator, account: string): Stripe.Balance {
  const defaultCurrency = emu.state.accounts[account]?.default_currency ?? "usd";
  const totals = new Map<string, number>([[defaultCurrency, 0]]);
  for (const t of transactionsOf(emu, account)) totals.set(t.currency, (totals.get(t.currency) ?? 0) + t.net);
  const entries = [...totals.entries()];
  return {
    object: "balance",
    available: entries.map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } })),
    livemode: false,
    pending: entries.map(([currency]) => ({ amount: 0, currency, source_types: { card: 0 } })),
  };
}
