import type Stripe from "stripe";

/** The fee Stripe took for a dispute, net of any it gave back: the sum over its balance transactions. */
export function disputeFeeCents(dispute: Pick<Stripe.Dispute, "balance_transactions">): number {
  return dispute.balance_transactions.reduce((sum, t) => sum + t.fee, 0);
}
