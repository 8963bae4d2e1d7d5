import "server-only";

import type { Tx } from "@/lib/db/client";
import { getSellerLedgerBalance } from "@/lib/ledger/get-seller-ledger-balance";
import { listSellerLedgerCurrencies } from "@/lib/ledger/list-seller-ledger-currencies";

// Orders not yet settled one way or the other: money may still move to or from the person.
const OPEN_ORDER = ["pending", "paid", "shipped", "delivered", "disputed"] as const;
const OPEN_RETURN = ["requested", "declined", "escalated", "accepted", "in_transit", "delivered", "received"] as const;

/**
 * Why a person's account can't be deleted yet, one sentence each (empty when it can): orders
 * still open or in escrow, open claims, returns, disputes and chargebacks on their orders, and
 * for a seller a balance not yet paid out (or owed back) and payouts on their way.
 */
export async function findMoneyInFlight(tx: Tx, userId: string): Promise<string[]> {
  const seller = await tx.sellerProfile.findUnique({ where: { userId }, select: { id: true } });
  const theirOrders = seller ? { OR: [{ buyerId: userId }, { sellerId: seller.id }] } : { buyerId: userId };
  const [orders, claims, returns, disputes, chargebacks, payouts] = await Promise.all([
    tx.order.count({
      where: { AND: [theirOrders, { OR: [{ status: { in: [...OPEN_ORDER] } }, { escrowStatus: "held" }] }] },
    }),
    tx.claim.count({ where: { status: "open", order: theirOrders } }),
    tx.return.count({ where: { status: { in: [...OPEN_RETURN] }, order: theirOrders } }),
    tx.dispute.count({ where: { status: "open", order: theirOrders } }),
    tx.chargeback.count({ where: { status: "open", order: theirOrders } }),
    seller ? tx.payout.count({ where: { sellerId: seller.id, status: { in: ["pending", "in_transit"] } } }) : 0,
  ]);
  const reasons: string[] = [];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (orders) reasons.push(`${n(orders, "order is", "orders are")} still open or holding money in escrow.`);
  if (claims) reasons.push(`${n(claims, "claim is", "claims are")} open.`);
  if (returns) reasons.push(`${n(returns, "return is", "returns are")} in progress.`);
  if (disputes + chargebacks)
    reasons.push(`${n(disputes + chargebacks, "dispute is", "disputes are")} open on your orders.`);
  if (payouts) reasons.push(`${n(payouts, "payout is", "payouts are")} on the way to your bank.`);
  if (seller) {
    for (const currency of await listSellerLedgerCurrencies(tx, seller.id)) {
      const b = await getSellerLedgerBalance(tx, { sellerId: seller.id, currency });
      const net = b.payableCents + b.receivableCents;
      if (net > 0) reasons.push(`Your shop has a ${currency} balance not yet paid out.`);
      if (net < 0) reasons.push(`Your shop owes back a ${currency} balance from refunds.`);
    }
  }
  return reasons;
}
