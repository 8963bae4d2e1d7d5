import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buyerAccount, ESCROW, TAX_PAYABLE } from "@/lib/ledger/accounts";
import { captureRule } from "@/lib/ledger/post-capture";
import { refundAfterReleaseRule } from "@/lib/ledger/post-refund-after-release";
import { refundBeforeReleaseRule } from "@/lib/ledger/post-refund-before-release";
import type { Posting } from "@/lib/ledger/posting";

import { planRefund, type RefundPlanInput } from "./plan-refund";

const items = [
  { id: "a", titleSnapshot: "Mug", quantity: 3, unitPriceCents: 1_190, refundedQuantity: 0 },
  { id: "b", titleSnapshot: "Card", quantity: 1, unitPriceCents: 595, refundedQuantity: 0 },
];
// German VAT 19% inside the prices: 3 × 11.90 + 5.95 goods, 4.99 shipping, tax 6.65 + 0.80.
const vatOrder = {
  subtotalCents: 4_165,
  shippingCents: 499,
  platformFeeCents: 525,
  refundedCents: 0,
  refundedShippingCents: 0,
  refundedFeeCents: 0,
  taxCents: 745,
  taxInclusive: true,
  refundedTaxCents: 0,
};
// California sales tax 7.25% on top: goods 35.00, shipping 4.99, tax 2.90 on 39.99 (per line).
const salesTaxOrder = { ...vatOrder, subtotalCents: 3_500, taxCents: 290, taxInclusive: false };
const usItems = items.map((i) => ({ ...i, unitPriceCents: i.id === "a" ? 1_000 : 500 }));

const net = (p: Posting, account: string) =>
  p.movements.reduce(
    (s, m) => s + (m.credit === account ? m.amountCents : 0) - (m.debit === account ? m.amountCents : 0),
    0,
  );

describe("planRefund with tax", () => {
  it("a whole refund gives back all the VAT inside the total, and all the sales tax on top of it", () => {
    expect(planRefund({ order: vatOrder, items, inFlight: [], request: {} })).toMatchObject({
      amountCents: 4_664,
      taxCents: 745,
    });
    expect(planRefund({ order: salesTaxOrder, items: usItems, inFlight: [], request: {} })).toMatchObject({
      amountCents: 3_999 + 290,
      taxCents: 290,
    });
  });

  it("a partial refund gives back the tax in proportion: inside the items' price for VAT, added to it for sales tax", () => {
    // One mug: 1 190 of 4 664 goods and shipping → 745 × 1190/4664 = 190.08 → 190.
    expect(
      planRefund({ order: vatOrder, items, inFlight: [], request: { lines: [{ orderItemId: "a", quantity: 1 }] } }),
    ).toMatchObject({ amountCents: 1_190, taxCents: 190 });
    // One mug: 1 000 of 3 999 → 290 × 1000/3999 = 72.5 → 73, refunded on top of the price.
    expect(
      planRefund({
        order: salesTaxOrder,
        items: usItems,
        inFlight: [],
        request: { lines: [{ orderItemId: "a", quantity: 1 }] },
      }),
    ).toMatchObject({ amountCents: 1_073, taxCents: 73 });
  });

  it("however an order is refunded in parts, the tax given back sums to its tax and the refunds to its total", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.constantFrom("a", "b", "ship"), { maxLength: 5 }), (inclusive, steps) => {
        const base = inclusive ? vatOrder : salesTaxOrder;
        const its = inclusive ? items : usItems;
        const order: RefundPlanInput["order"] = { ...base };
        const state = its.map((i) => ({ ...i }));
        const total = base.subtotalCents + base.shippingCents + (inclusive ? 0 : base.taxCents);
        let paidBack = 0;
        const take = (request: RefundPlanInput["request"]) => {
          const p = planRefund({ order, items: state, inFlight: [], request });
          if (!p) return;
          paidBack += p.amountCents;
          order.refundedCents += p.amountCents;
          order.refundedShippingCents += p.shippingCents;
          order.refundedFeeCents += p.commissionCents;
          order.refundedTaxCents = (order.refundedTaxCents ?? 0) + p.taxCents;
          for (const l of p.lines) state.find((i) => i.id === l.orderItemId)!.refundedQuantity += l.quantity;
          expect(order.refundedTaxCents).toBeLessThanOrEqual(base.taxCents);
        };
        for (const s of steps) {
          const item = state.find((i) => i.id === s);
          if (s === "ship" && order.refundedShippingCents < base.shippingCents)
            take({ shippingCents: base.shippingCents - order.refundedShippingCents });
          else if (item && item.refundedQuantity < item.quantity) take({ lines: [{ orderItemId: s, quantity: 1 }] });
        }
        take({});
        expect(order.refundedTaxCents).toBe(base.taxCents);
        expect(paidBack).toBe(total);
      }),
    );
  });
});

describe("tax in the ledger's rules", () => {
  const ids = { orderId: "o1", buyerId: "b1", sellerId: "s1", currency: "EUR" };
  it("capture books the tax to the tax payable; refunds give its share back from there, not from the seller", () => {
    const capture = captureRule({ ...ids, totalCents: 4_664, taxCents: 745 });
    expect([net(capture, ESCROW), net(capture, TAX_PAYABLE)]).toEqual([3_919, 745]);
    const before = refundBeforeReleaseRule({ ...ids, amountCents: 1_190, taxCents: 190, refundKey: "k" });
    expect([net(before, ESCROW), net(before, TAX_PAYABLE), net(before, buyerAccount("b1"))]).toEqual([
      -1_000, -190, 1_190,
    ]);
    const after = refundAfterReleaseRule({
      ...ids,
      amountCents: 1_190,
      sellerShareCents: 850,
      commissionCents: 150,
      taxCents: 190,
      payableCents: 10_000,
      refundKey: "k",
      reversalKey: "r",
    });
    expect([net(after, ESCROW), net(after, TAX_PAYABLE), net(after, buyerAccount("b1"))]).toEqual([0, -190, 1_190]);
  });
});
