import type { Tx } from "@/lib/db/client";
import { buyerAccount, ESCROW } from "@/lib/ledger/accounts";
import { postEntries } from "@/lib/ledger/post-entries";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";
import { transitionOrder } from "@/lib/orders/order-status";

/**
 * A checkout's payment succeeded: each still-pending order becomes paid with its money held
 * in escrow (one capture entry per order). Safe to repeat: transitions and entries are
 * conditional and unique. Returns orders that were cancelled before the money arrived.
 */
export async function recordCapture(tx: Tx, opts: { checkoutId: string; chargeId: string | null; paymentIntentId: string }): Promise<{ paid: string[]; lateOrders: string[] }> {
  const orders = await tx.order.findMany({ where: { checkoutId: opts.checkoutId }, orderBy: { id: "asc" }, select: { id: true, status: true, buyerId: true, totalCents: true, currency: true } });
  const paid: string[] = [];
  const lateOrders: string[] = [];
  for (const o of orders) {
    if (o.status === "cancelled") {
      lateOrders.push(o.id);
      continue;
    }
    const r = o.status === "pending" ? await transitionOrder(tx, { orderId: o.id, to: "paid", actorType: "webhook", from: ["pending"], note: "Payment received; held in escrow", data: { escrowStatus: "held", paymentIntentId: opts.paymentIntentId } }) : { changed: false };
    if (r.changed) {
      await postEntries(tx, { orderId: o.id, currency: o.currency, movements: [{ debit: buyerAccount(o.buyerId), credit: ESCROW, amountCents: o.totalCents, entryType: "capture", reference: `capture:${o.id}` }] });
      await recordOutboxEvent(tx, { aggregateType: "order", aggregateId: o.id, eventType: "order.paid" });
      paid.push(o.id);
    }
  }
  await tx.checkout.updateMany({ where: { id: opts.checkoutId, status: { in: ["payment_pending", "payment_failed"] } }, data: { status: paid.length || orders.some((o) => o.status !== "cancelled") ? "paid" : "cancelled" } });
  await tx.payment.updateMany({ where: { paymentIntentId: opts.paymentIntentId }, data: { status: "succeeded", chargeId: opts.chargeId, failureCode: null, failureMessage: null } });
  return { paid, lateOrders };
}
