import { AppError } from "@/lib/errors/app-error";

export type RefundLine = { orderItemId: string; quantity: number };

export type RefundPlanInput = {
  order: {
    subtotalCents: number;
    shippingCents: number;
    platformFeeCents: number;
    refundedCents: number;
    refundedShippingCents: number;
    refundedFeeCents: number;
    /** The order's tax and its part already refunded (0 for an untaxed order). */
    taxCents?: number;
    /** Whether the tax is inside the prices (VAT) or was added to them (sales tax). */
    taxInclusive?: boolean;
    refundedTaxCents?: number;
  };
  items: { id: string; titleSnapshot: string; quantity: number; unitPriceCents: number; refundedQuantity: number }[];
  /** Refunds claimed but not yet applied: they already count against what is left. */
  inFlight: {
    amountCents: number;
    shippingCents: number;
    commissionCents: number;
    taxCents?: number;
    lines: RefundLine[];
  }[];
  /** Nothing but the order: everything not yet refunded. */
  request: { lines?: RefundLine[]; shippingCents?: number; amountCents?: number };
};

export type RefundPlan = {
  amountCents: number;
  shippingCents: number;
  commissionCents: number;
  /** The tax part of amountCents, given back from the platform's tax payable. */
  taxCents: number;
  lines: RefundLine[];
};

/**
 * How much a refund returns, and of that how much is shipping and how much is commission the
 * platform gives back. Goods are refunded per item and quantity (or as an amount, for a claim
 * settled partly); shipping only when asked, or all that is left with a whole refund.
 *
 * Commission rounding rule: after any refund, the commission given back in total is the
 * order's commission times the share of its goods refunded in total, rounded half up; each
 * refund gives back the difference. So partial refunds never give back more than the
 * commission, and refunding everything gives it all back exactly, to the cent.
 *
 * Tax follows the same rule over goods and shipping together: the tax given back in total is the
 * order's tax times the share of its goods and shipping refunded in total, rounded half up. Tax
 * inside the prices (VAT) is part of the goods refunded; tax added to them (sales tax) is added
 * to the refund. A whole refund gives back all of it, and every partial one its share.
 * Returns null when nothing is left to refund.
 */
export function planRefund(input: RefundPlanInput): RefundPlan | null {
  const { order, items, inFlight, request } = input;
  const pendingQty = new Map<string, number>();
  for (const r of inFlight)
    for (const l of r.lines) pendingQty.set(l.orderItemId, (pendingQty.get(l.orderItemId) ?? 0) + l.quantity);
  const sum = (f: (r: RefundPlanInput["inFlight"][number]) => number) => inFlight.reduce((s, r) => s + f(r), 0);
  const shippingTaken = order.refundedShippingCents + sum((r) => r.shippingCents);
  const orderTax = order.taxCents ?? 0;
  const taxAdded = orderTax > 0 && order.taxInclusive === false;
  const taxTaken = (order.refundedTaxCents ?? 0) + sum((r) => r.taxCents ?? 0);
  // Sales tax was added on top of goods and shipping: what was refunded of them is net of it.
  const goodsTaken =
    order.refundedCents -
    order.refundedShippingCents -
    (taxAdded ? (order.refundedTaxCents ?? 0) : 0) +
    sum((r) => r.amountCents - r.shippingCents - (taxAdded ? (r.taxCents ?? 0) : 0));
  const feeTaken = order.refundedFeeCents + sum((r) => r.commissionCents);
  const goodsLeft = order.subtotalCents - goodsTaken;
  const shippingLeft = order.shippingCents - shippingTaken;
  const qtyLeft = (i: RefundPlanInput["items"][number]) =>
    i.quantity - i.refundedQuantity - (pendingQty.get(i.id) ?? 0);

  const whole = request.lines === undefined && request.shippingCents === undefined && request.amountCents === undefined;
  let lines: RefundLine[];
  let goods: number;
  let shipping: number;
  if (whole) {
    lines = items.filter((i) => qtyLeft(i) > 0).map((i) => ({ orderItemId: i.id, quantity: qtyLeft(i) }));
    goods = goodsLeft;
    shipping = shippingLeft;
  } else {
    if (request.lines?.length && request.amountCents !== undefined)
      throw new AppError("validation_failed", "Refund either items or an amount, not both.");
    const merged = new Map<string, number>();
    for (const l of request.lines ?? []) {
      if (!Number.isInteger(l.quantity) || l.quantity < 1)
        throw new AppError("validation_failed", "Each refunded quantity must be a whole number of at least 1.");
      merged.set(l.orderItemId, (merged.get(l.orderItemId) ?? 0) + l.quantity);
    }
    lines = [];
    let linesCents = 0;
    for (const [orderItemId, quantity] of merged) {
      const item = items.find((i) => i.id === orderItemId);
      if (!item) throw new AppError("validation_failed", "That item is not part of this order.", { orderItemId });
      if (quantity > qtyLeft(item))
        throw new AppError(
          "conflict",
          qtyLeft(item) === 0
            ? `"${item.titleSnapshot}" has already been refunded.`
            : `Only ${qtyLeft(item)} of "${item.titleSnapshot}" can still be refunded.`,
          { orderItemId, refundable: qtyLeft(item) },
        );
      lines.push({ orderItemId, quantity });
      linesCents += quantity * item.unitPriceCents;
    }
    if (request.amountCents !== undefined) {
      if (!Number.isInteger(request.amountCents) || request.amountCents < 1)
        throw new AppError("validation_failed", "The refund amount must be a whole number of cents, at least 1.");
      if (request.amountCents > goodsLeft)
        throw new AppError("conflict", `At most ${goodsLeft} cents of this order's goods can still be refunded.`, {
          refundableCents: goodsLeft,
        });
      goods = request.amountCents;
    } else {
      // An earlier refund by amount may have returned part of these items' price already.
      goods = Math.min(linesCents, goodsLeft);
    }
    shipping = request.shippingCents ?? 0;
    if (!Number.isInteger(shipping) || shipping < 0)
      throw new AppError("validation_failed", "Refunded shipping must be a whole number of cents, 0 or more.");
    if (shipping > shippingLeft)
      throw new AppError("conflict", `At most ${shippingLeft} cents of shipping can still be refunded.`, {
        refundableShippingCents: shippingLeft,
      });
  }
  const base = order.subtotalCents + order.shippingCents;
  const baseAfter = goodsTaken + goods + shippingTaken + shipping;
  const taxAfter = baseAfter >= base ? orderTax : roundHalfUp(orderTax * baseAfter, base);
  const taxCents = Math.max(0, Math.min(orderTax - taxTaken, taxAfter - taxTaken));
  const amountCents = goods + shipping + (taxAdded ? taxCents : 0);
  if (amountCents <= 0) {
    if (whole) return null;
    throw new AppError("conflict", "Nothing is left to refund on these items.");
  }
  const goodsAfter = goodsTaken + goods;
  const feeAfter =
    goodsAfter >= order.subtotalCents
      ? order.platformFeeCents
      : roundHalfUp(order.platformFeeCents * goodsAfter, order.subtotalCents);
  const commissionCents = Math.max(0, Math.min(goods, feeAfter - feeTaken));
  return { amountCents, shippingCents: shipping, commissionCents, taxCents, lines };
}

function roundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}
