import "server-only";

import type { RefundClaim } from "./refund-order-options";
import { stripe } from "./stripe-client";

export type RefundReversal = {
  reversalId: string | null;
  reversedCents: number;
  /**
   * Stripe's total reversed on the transfer after this reversal: the transfer.* webhook writes
   * the same absolute figure, so whichever lands first, the other changes nothing.
   */
  transferReversedCents: number | null;
};

/**
 * Step 2a, outside any transaction: after release, takes the seller's share of the refund
 * back from their Transfer (idempotency key `reversal:<key>`), unless a previous attempt
 * already did. Nothing to reverse before release, or when the share is zero.
 */
export async function reverseRefundTransfer({
  refund,
  order,
  key,
}: RefundClaim & { key: string }): Promise<RefundReversal> {
  const sellerShareCents = refund.amountCents - refund.commissionCents - refund.taxCents;
  const none = { reversalId: refund.stripeReversalId, reversedCents: 0, transferReversedCents: null };
  if (!refund.afterRelease || sellerShareCents <= 0 || !order.transferId || refund.stripeReversalId) return none;
  try {
    const reversal = await stripe().transfers.createReversal(
      order.transferId,
      {
        amount: Math.min(sellerShareCents, order.transferReversibleCents),
        metadata: { order_id: order.id, refund_key: key },
        expand: ["transfer"],
      },
      { idempotencyKey: `reversal:${key}` },
    );
    return {
      reversalId: reversal.id,
      reversedCents: reversal.amount,
      transferReversedCents:
        typeof reversal.transfer === "object" && reversal.transfer ? reversal.transfer.amount_reversed : null,
    };
  } catch (err) {
    // Already paid out of the seller's Stripe balance: the platform funds the refund and
    // the ledger records what the seller owes as a receivable, netted from later payouts.
    const code = (err as { code?: string }).code;
    if (code !== "balance_insufficient" && code !== "amount_too_large") throw err;
    return none;
  }
}
