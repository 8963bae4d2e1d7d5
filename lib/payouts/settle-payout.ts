import "server-only";

import { db } from "@/lib/db/client";
import { postPayoutFailed } from "@/lib/ledger/post-payout-failed";

/** payout.paid / payout.failed from Stripe: a failed payout's money returns to the seller's payable. */
export async function settlePayout(opts: {
  stripePayoutId: string;
  status: string;
  failureMessage: string | null;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const p = await tx.payout.findUnique({ where: { stripePayoutId: opts.stripePayoutId } });
    if (!p || p.status === "paid" || p.status === "failed") return;
    if (opts.status === "paid") {
      await tx.payout.update({ where: { id: p.id }, data: { status: "paid" } });
    } else if (opts.status === "failed" || opts.status === "canceled") {
      await tx.payout.update({ where: { id: p.id }, data: { status: "failed", failureMessage: opts.failureMessage } });
      await postPayoutFailed(tx, {
        sellerId: p.sellerId,
        currency: p.currency,
        amountCents: p.amountCents,
        payoutKey: p.idempotencyKey,
      });
    }
  });
}
