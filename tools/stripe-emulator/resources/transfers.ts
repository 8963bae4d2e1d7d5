// Transfers from the platform to connected accounts, and their reversals.
// Without `source_transaction` a transfer draws on the platform's available balance and fails
// with `balance_insufficient` above it. With one (a charge id) it is funded by that charge, as on
// Stripe: it may not exceed the charge's amount less refunds, disputes and the net of earlier
// transfers from it, but the platform's balance is not checked.
import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { missingResource, paramError, stateError } from "../lib/errors";
import { newId } from "../lib/ids";
import { availableBalance, recordMovement } from "../lib/ledger";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata } from "../lib/params";
import { route } from "../lib/router";
import { connectedAccount } from "./accounts";
import { getCharge } from "./charges";

function getTransfer(emu: Emulator, id: string, param = "id"): Stripe.Transfer {
  return getOr404(emu.state.transfers, id, "transfer", param);
}

/** What is left of a charge to fund transfers with. */
function transferableFrom(emu: Emulator, charge: Stripe.Charge): number {
  const transferred = Object.values(emu.state.transfers)
    .filter((t) => t.source_transaction === charge.id)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
  const disputed = Object.values(emu.state.disputes)
    .filter((d) => d.charge === charge.id && d.status !== "won")
    .reduce((sum, d) => sum + d.amount, 0);
  return charge.amount_captured - charge.amount_refunded - disputed - transferred;
}

function insufficientFunds(): never {
  throw stateError(
    "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges or enabling automatic transfers from the source transaction.",
    "balance_insufficient",
  );
}

export const transferRoutes = [
  route({
    method: "POST",
    path: "/v1/transfers",
    parse: (p) => {
      const input = {
        amount: p.requiredInt("amount", { min: 1 }),
        currency: p.requiredString("currency").toLowerCase(),
        destination: p.requiredString("destination"),
        transferGroup: p.string("transfer_group") || null,
        sourceTransaction: p.string("source_transaction") || undefined,
        description: p.string("description") || null,
        metadata: p.metadata(),
      };
      p.ignore("source_type");
      return input;
    },
    run: (input, { emu }) => {
      const destination = connectedAccount(emu, input.destination, "destination");
      if (destination.capabilities?.transfers !== "active") {
        throw stateError(
          "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
          "insufficient_capabilities_for_transfer",
          { param: "destination" },
        );
      }
      if (input.sourceTransaction) {
        const charge = getCharge(emu, input.sourceTransaction, "source_transaction");
        if (charge.currency !== input.currency)
          throw paramError(
            `The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${input.currency})`,
            "currency",
          );
        const left = transferableFrom(emu, charge);
        if (input.amount > left) {
          throw stateError(
            `The transfer amount (${input.amount}) exceeds what is left of ${charge.id} to transfer (${left}).`,
            "balance_insufficient",
            { param: "amount" },
          );
        }
      } else if (input.amount > availableBalance(emu, emu.state.platformAccountId, input.currency)) {
        insufficientFunds();
      }
      const id = newId("tr");
      const destinationPayment = newId("py");
      const debit = recordMovement(emu, {
        account: emu.state.platformAccountId,
        amount: -input.amount,
        currency: input.currency,
        type: "transfer",
        reportingCategory: "transfer",
        source: id,
      });
      recordMovement(emu, {
        account: destination.id,
        amount: input.amount,
        currency: input.currency,
        type: "payment",
        reportingCategory: "charge",
        source: destinationPayment,
      });
      const transfer: Stripe.Transfer = {
        id,
        object: "transfer",
        amount: input.amount,
        amount_reversed: 0,
        balance_transaction: debit.id,
        created: emu.now(),
        currency: input.currency,
        description: input.description,
        destination: destination.id,
        destination_payment: destinationPayment,
        livemode: false,
        metadata: applyMetadata({}, input.metadata),
        reversals: { object: "list", data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
        reversed: false,
        source_transaction: input.sourceTransaction ?? null,
        source_type: "card",
        transfer_group: input.transferGroup,
      };
      emu.state.transfers[id] = transfer;
      emu.emit("transfer.created", transfer);
      return transfer;
    },
  }),
  route({
    method: "GET",
    path: "/v1/transfers/:id",
    parse: () => null,
    run: (_, { emu, path }) => getTransfer(emu, path.id),
  }),
  route({
    method: "GET",
    path: "/v1/transfers",
    parse: (p) => ({
      query: readListQuery(p),
      destination: p.string("destination"),
      transferGroup: p.string("transfer_group"),
    }),
    run: ({ query, destination, transferGroup }, { emu }) =>
      paginate(
        Object.values(emu.state.transfers).filter(
          (t) =>
            (destination === undefined || t.destination === destination) &&
            (transferGroup === undefined || t.transfer_group === transferGroup),
        ),
        query,
        "/v1/transfers",
      ),
  }),
  route({
    method: "POST",
    path: "/v1/transfers/:id",
    parse: (p) => ({ metadata: p.metadata(), description: p.string("description") }),
    run: (input, { emu, path }) => {
      const transfer = getTransfer(emu, path.id);
      transfer.metadata = applyMetadata(transfer.metadata, input.metadata);
      if (input.description !== undefined) transfer.description = input.description || null;
      emu.emit("transfer.updated", transfer);
      return transfer;
    },
  }),
  route({
    method: "POST",
    path: "/v1/transfers/:id/reversals",
    parse: (p) => {
      const input = {
        amount: p.int("amount", { min: 1 }),
        description: p.string("description"),
        metadata: p.metadata(),
      };
      p.ignore("refund_application_fee");
      return input;
    },
    run: (input, { emu, path }) => {
      const transfer = getTransfer(emu, path.id);
      const reversible = transfer.amount - transfer.amount_reversed;
      const amount = input.amount ?? reversible;
      if (reversible === 0)
        throw stateError(`Transfer ${transfer.id} has already been fully reversed.`, "transfer_already_reversed");
      if (amount > reversible)
        throw stateError(`You cannot reverse more than ${reversible} of transfer ${transfer.id}.`, "amount_too_large", {
          param: "amount",
        });
      const destination = transfer.destination as string;
      // The money comes back out of the connected account, which must still hold it.
      if (amount > availableBalance(emu, destination, transfer.currency)) insufficientFunds();
      const id = newId("trr");
      const credit = recordMovement(emu, {
        account: emu.state.platformAccountId,
        amount,
        currency: transfer.currency,
        type: "transfer_refund",
        reportingCategory: "transfer_reversal",
        source: id,
      });
      recordMovement(emu, {
        account: destination,
        amount: -amount,
        currency: transfer.currency,
        type: "payment_refund",
        reportingCategory: "refund",
        source: id,
      });
      const reversal: Stripe.TransferReversal = {
        id,
        object: "transfer_reversal",
        amount,
        balance_transaction: credit.id,
        created: emu.now(),
        currency: transfer.currency,
        destination_payment_refund: null,
        metadata: applyMetadata({}, input.metadata),
        source_refund: null,
        transfer: transfer.id,
      };
      emu.state.transferReversals[id] = reversal;
      transfer.amount_reversed += amount;
      transfer.reversed = transfer.amount_reversed === transfer.amount;
      transfer.reversals.data.unshift(structuredClone(reversal));
      emu.emit("transfer.reversed", transfer);
      return reversal;
    },
  }),
  route({
    method: "GET",
    path: "/v1/transfers/:id/reversals",
    parse: (p) => readListQuery(p),
    run: (query, { emu, path }) => {
      getTransfer(emu, path.id);
      return paginate(
        Object.values(emu.state.transferReversals).filter((r) => r.transfer === path.id),
        query,
        `/v1/transfers/${path.id}/reversals`,
      );
    },
  }),
  route({
    method: "GET",
    path: "/v1/transfers/:transfer/reversals/:id",
    parse: () => null,
    run: (_, { emu, path }) => {
      const reversal = getOr404(emu.state.transferReversals, path.id, "transfer_reversal");
      if (reversal.transfer !== path.transfer) throw missingResource("transfer_reversal", path.id);
      return reversal;
    },
  }),
];
