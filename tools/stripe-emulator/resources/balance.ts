// The balance of the calling account (the platform, or a connected account via Stripe-Account)
// and its balance transactions.
import { missingResource } from "../lib/errors";
import { balanceOf, transactionsOf } from "../lib/ledger";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { route } from "../lib/router";

export const balanceRoutes = [
  route({
    method: "GET",
    path: "/v1/balance",
    connect: true,
    parse: () => null,
    run: (_, { emu, account }) => balanceOf(emu, account),
  }),
  route({
    method: "GET",
    path: "/v1/balance_transactions",
    connect: true,
    parse: (p) => ({
      query: readListQuery(p),
      type: p.string("type"),
      source: p.string("source"),
      currency: p.string("currency"),
      payout: p.string("payout"),
    }),
    run: ({ query, type, source, currency, payout }, { emu, account }) =>
      paginate(
        transactionsOf(emu, account).filter(
          (t) =>
            (type === undefined || t.type === type) &&
            (source === undefined || t.source === source) &&
            (currency === undefined || t.currency === currency) &&
            (payout === undefined || t.source === payout),
        ),
        query,
        "/v1/balance_transactions",
      ),
  }),
  route({
    method: "GET",
    path: "/v1/balance_transactions/:id",
    connect: true,
    parse: () => null,
    run: (_, { emu, account, path }) => {
      const transaction = getOr404(emu.state.balanceTransactions, path.id, "balance transaction");
      if (emu.store.ownerOf(transaction.id) !== account) throw missingResource("balance transaction", path.id);
      return transaction;
    },
  }),
];
