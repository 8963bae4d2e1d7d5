import type { Tx } from "@/lib/db/client";
import { scoreCheckoutRisk } from "@/lib/fraud/score-checkout";
import { announceLowStock } from "@/lib/inventory/announce-low-stock";
import { postCapture } from "@/lib/ledger/post-capture";
import { transitionOrder } from "@/lib/orders/order-status";
import { restoreOrderReservation } from "@/lib/orders/restore-order-reservation";

/**
 * A checkout's payment succeeded: it is scored for fraud, and each still-pending order becomes
 * paid with its money held in escrow (one capture entry per order). Safe to repeat: transitions and entries are
 * conditional and unique. Returns orders that were cancelled before the money arrived.
 * An order whose stock a failed attempt released (the buyer retried without reloading the pay
 * page) takes it again here; if it sold out meanwhile, the order is cancelled and refunded.
 */
export async function recordCapture(
  tx: Tx,
  opts: { checkoutId: string; chargeId: string | null; paymentIntentId: string },
): Promise<{ paid: string[]; lateOrders: string[] }> {
  // Lock the checkout's orders first: a reservation sweeper cancelling one of them waits for
  // this transaction (and then finds it paid), rather than changing it between read and update.
  await tx.$queryRaw`SELECT id FROM orders WHERE checkout_id = ${opts.checkoutId}::uuid ORDER BY id FOR UPDATE`;
  const orders = await tx.order.findMany({
    where: { checkoutId: opts.checkoutId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      buyerId: true,
      totalCents: true,
      taxCents: true,
      currency: true,
      chargeCurrency: true,
      chargeTotalCents: true,
      fxDifferenceCents: true,
    },
  });
  const paid: string[] = [];
  const lateOrders: string[] = [];
  // Fraud scoring before the orders become paid, so a risky checkout's orders are held from
  // the start (the seller is told not to ship). Only the first delivery finds pending orders.
  if (orders.some((o) => o.status === "pending")) await scoreCheckoutRisk(tx, { checkoutId: opts.checkoutId });
  for (const o of orders) {
    if (o.status === "pending" && !(await restoreOrderReservation(tx, { orderId: o.id })).restored) {
      await transitionOrder(tx, {
        orderId: o.id,
        to: "cancelled",
        actorType: "webhook",
        from: ["pending"],
        note: "Sold out after an earlier payment attempt failed; the payment is refunded",
      });
      o.status = "cancelled";
    }
    if (o.status === "cancelled") {
      lateOrders.push(o.id);
      continue;
    }
    const r =
      o.status === "pending"
        ? await transitionOrder(tx, {
            orderId: o.id,
            to: "paid",
            actorType: "webhook",
            from: ["pending"],
            note: "Payment received; held in escrow",
            data: { escrowStatus: "held", paymentIntentId: opts.paymentIntentId },
          })
        : { changed: false };
    if (r.changed) {
      await postCapture(tx, {
        orderId: o.id,
        buyerId: o.buyerId,
        totalCents: o.totalCents,
        taxCents: o.taxCents,
        currency: o.currency,
        charge:
          o.chargeCurrency && o.chargeTotalCents !== null
            ? {
                currency: o.chargeCurrency,
                totalCents: o.chargeTotalCents,
                fxDifferenceCents: o.fxDifferenceCents ?? 0,
              }
            : null,
      });
      // The sale is final now (its stock was taken at checkout): the seller hears of low stock from the worker.
      await announceLowStock(tx, o.id);
      paid.push(o.id);
    }
  }
  await tx.checkout.updateMany({
    where: { id: opts.checkoutId, status: { in: ["payment_pending", "payment_failed"] } },
    data: { status: paid.length || orders.some((o) => o.status !== "cancelled") ? "paid" : "cancelled" },
  });
  await tx.payment.updateMany({
    where: { paymentIntentId: opts.paymentIntentId },
    data: { status: "succeeded", chargeId: opts.chargeId, failureCode: null, failureMessage: null },
  });
  return { paid, lateOrders };
}
