import { AppError } from "@/lib/errors/app-error";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

const REFUNDABLE: OrderStatus[] = ["paid", "shipped", "delivered", "disputed", "completed"];

export type RefundAllowedInput<P> = {
  order: { status: OrderStatus; transfers: { status: string }[] };
  /** The checkout's captured payment, if any. */
  payment: P | undefined;
  requireStatus?: { statuses: OrderStatus[]; message: string };
};

/**
 * Whether a new refund may be claimed on the order as it stands (pure; read under the order's
 * lock by claimRefund): "already_refunded" when nothing is left to do, the payment to refund
 * when it may, otherwise an AppError saying why not.
 */
export function checkRefundAllowed<P>({
  order,
  payment,
  requireStatus,
}: RefundAllowedInput<P>): { payment: P } | "already_refunded" {
  if (order.status === "refunded") return "already_refunded";
  if (requireStatus && !requireStatus.statuses.includes(order.status))
    throw new AppError("conflict", requireStatus.message, { status: order.status });
  if (!REFUNDABLE.includes(order.status))
    throw new AppError("conflict", `This order is ${order.status}; there is nothing to refund.`);
  if (!payment) throw new AppError("conflict", "This order has no captured payment.");
  // A release claimed but not confirmed may be moving this money right now.
  if (order.transfers.some((t) => t.status === "pending"))
    throw new AppError(
      "conflict",
      "This order's payment to the seller is in progress; a refund can run once it has finished. Try again in a minute.",
    );
  return { payment };
}
