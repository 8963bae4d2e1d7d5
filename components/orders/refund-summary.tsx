import { formatMoney } from "@/lib/money/format-money";

type RefundedOrder = {
  status: string;
  totalCents: number;
  refundedCents: number;
  currency: string;
  refunds: {
    id: string;
    amountCents: number;
    shippingCents: number;
    kind: string;
    reason: string | null;
    createdAt: Date;
  }[];
};

const KIND: Record<string, string> = {
  cancellation: "Cancellation",
  return: "Return",
  claim: "Claim",
  dispute: "Dispute",
  fraud: "Payment review",
  late_payment: "Late payment",
  admin: "Marketplace",
};

/** What has been refunded of an order so far, and each refund; nothing when none was. */
export function RefundSummary({ order, viewer }: { order: RefundedOrder; viewer: "buyer" | "seller" | "admin" }) {
  if (order.refundedCents === 0) return null;
  const money = (c: number) => formatMoney(c, order.currency);
  const partial = order.refundedCents < order.totalCents;
  return (
    <div className="mt-3 border-t border-gray-100 pt-3">
      <p className="font-medium">
        {partial
          ? `Partly refunded: ${money(order.refundedCents)} of ${money(order.totalCents)}`
          : `Refunded in full: ${money(order.refundedCents)}`}
        {partial ? (
          <span className="font-normal text-muted">
            {viewer === "buyer"
              ? " (the rest of your order is unchanged)"
              : ` · ${money(order.totalCents - order.refundedCents)} remains`}
          </span>
        ) : null}
      </p>
      <ul className="mt-1 space-y-0.5 text-muted">
        {order.refunds.map((r) => (
          <li key={r.id}>
            {r.createdAt.toISOString().slice(0, 10)} · {KIND[r.kind] ?? r.kind}: {money(r.amountCents)}
            {r.shippingCents ? ` (incl. ${money(r.shippingCents)} shipping)` : ""}
            {r.reason ? ` · ${r.reason}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
