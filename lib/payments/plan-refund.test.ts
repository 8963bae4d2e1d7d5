import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { planRefund, type RefundPlanInput } from "./plan-refund";

const fresh = { refundedCents: 0, refundedShippingCents: 0, refundedFeeCents: 0 };
// Two items: 3 × 10.00 and 1 × 5.00, shipping 4.99, commission 15% of goods = 5.25.
const order = { subtotalCents: 3_500, shippingCents: 499, platformFeeCents: 525, ...fresh };
const items = [
  { id: "a", titleSnapshot: "Mug", quantity: 3, unitPriceCents: 1_000, refundedQuantity: 0 },
  { id: "b", titleSnapshot: "Card", quantity: 1, unitPriceCents: 500, refundedQuantity: 0 },
];
const plan = (request: RefundPlanInput["request"], over: Partial<RefundPlanInput> = {}) =>
  planRefund({ order, items, inFlight: [], request, ...over });

describe("planRefund", () => {
  it("a whole refund returns everything left, shipping and all the commission", () => {
    expect(plan({})).toEqual({
      amountCents: 3_999,
      shippingCents: 499,
      commissionCents: 525,
      taxCents: 0,
      lines: [
        { orderItemId: "a", quantity: 3 },
        { orderItemId: "b", quantity: 1 },
      ],
    });
  });

  it("a partial refund returns the items' price, shipping only when asked, and commission by the rounding rule", () => {
    // 1 000 of 3 500 goods: 525 × 1000/3500 = 150 exactly.
    expect(plan({ lines: [{ orderItemId: "a", quantity: 1 }] })).toEqual({
      amountCents: 1_000,
      shippingCents: 0,
      commissionCents: 150,
      taxCents: 0,
      lines: [{ orderItemId: "a", quantity: 1 }],
    });
    // 500 of 3 500: 75 exactly; with shipping 499 on top (no commission on shipping).
    expect(plan({ lines: [{ orderItemId: "b", quantity: 1 }], shippingCents: 499 })).toMatchObject({
      amountCents: 999,
      shippingCents: 499,
      commissionCents: 75,
    });
  });

  it("rounds the running total half up, so the parts always add up to the whole commission", () => {
    const odd = { subtotalCents: 1_000, shippingCents: 0, platformFeeCents: 150, ...fresh };
    const three = [
      { id: "x", titleSnapshot: "X", quantity: 3, unitPriceCents: 333, refundedQuantity: 0 },
      { id: "y", titleSnapshot: "Y", quantity: 1, unitPriceCents: 1, refundedQuantity: 0 },
    ];
    const first = planRefund({
      order: odd,
      items: three,
      inFlight: [],
      request: { lines: [{ orderItemId: "x", quantity: 1 }] },
    })!;
    expect(first.commissionCents).toBe(50); // 150 × 333/1000 = 49.95 → 50
    const after1 = { ...odd, refundedCents: 333, refundedFeeCents: 50 };
    const items1 = [{ ...three[0], refundedQuantity: 1 }, three[1]];
    const second = planRefund({
      order: after1,
      items: items1,
      inFlight: [],
      request: { lines: [{ orderItemId: "x", quantity: 1 }] },
    })!;
    expect(second.commissionCents).toBe(50); // running 666 → 99.9 → 100, minus 50
    const rest = planRefund({
      order: { ...after1, refundedCents: 666, refundedFeeCents: 100 },
      items: [{ ...three[0], refundedQuantity: 2 }, three[1]],
      inFlight: [],
      request: {},
    })!;
    expect(rest).toMatchObject({ amountCents: 334, commissionCents: 50 });
  });

  it("refuses more than is left: quantities, amounts and shipping; refunds in flight count as taken", () => {
    expect(() => plan({ lines: [{ orderItemId: "a", quantity: 4 }] })).toThrow(/Only 3 of "Mug"/);
    expect(() =>
      plan({
        lines: [
          { orderItemId: "a", quantity: 2 },
          { orderItemId: "a", quantity: 2 },
        ],
      }),
    ).toThrow(/Only 3 of "Mug"/);
    expect(() => plan({ lines: [{ orderItemId: "zzz", quantity: 1 }] })).toThrow(/not part of this order/);
    expect(() => plan({ lines: [{ orderItemId: "a", quantity: 0 }] })).toThrow(/at least 1/);
    expect(() => plan({ amountCents: 3_501 })).toThrow(/At most 3500 cents/);
    expect(() => plan({ shippingCents: 500 })).toThrow(/At most 499 cents of shipping/);
    expect(() =>
      plan(
        { lines: [{ orderItemId: "b", quantity: 1 }] },
        {
          inFlight: [
            {
              amountCents: 500,
              shippingCents: 0,
              commissionCents: 75,
              taxCents: 0,
              lines: [{ orderItemId: "b", quantity: 1 }],
            },
          ],
        },
      ),
    ).toThrow(/"Card" has already been refunded/);
    const everything = {
      order: { ...order, refundedCents: 3_999, refundedShippingCents: 499, refundedFeeCents: 525 },
      items: items.map((i) => ({ ...i, refundedQuantity: i.quantity })),
    };
    expect(plan({}, everything)).toBeNull();
  });

  it("an amount refund (a claim settled in part) caps later item refunds at what is left of the goods", () => {
    expect(plan({ amountCents: 700 })).toEqual({
      amountCents: 700,
      shippingCents: 0,
      commissionCents: 105,
      taxCents: 0,
      lines: [],
    });
    const after = { order: { ...order, refundedCents: 3_000, refundedFeeCents: 450 } };
    expect(plan({ lines: [{ orderItemId: "a", quantity: 1 }] }, after)).toMatchObject({
      amountCents: 500,
      commissionCents: 75,
    });
  });

  it("whatever the sequence of partial refunds, the total never exceeds what was paid and the commission given back never exceeds the commission", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            item: fc.constantFrom("a", "b"),
            quantity: fc.integer({ min: 1, max: 3 }),
            shipping: fc.integer({ min: 0, max: 300 }),
          }),
          { maxLength: 8 },
        ),
        fc.boolean(),
        (steps, finish) => {
          let o = { ...order };
          let its = items.map((i) => ({ ...i }));
          for (const s of steps) {
            let p;
            try {
              p = planRefund({
                order: o,
                items: its,
                inFlight: [],
                request: { lines: [{ orderItemId: s.item, quantity: s.quantity }], shippingCents: s.shipping },
              });
            } catch {
              continue;
            }
            if (!p) continue;
            o = {
              ...o,
              refundedCents: o.refundedCents + p.amountCents,
              refundedShippingCents: o.refundedShippingCents + p.shippingCents,
              refundedFeeCents: o.refundedFeeCents + p.commissionCents,
            };
            its = its.map((i) => ({
              ...i,
              refundedQuantity: i.refundedQuantity + (p.lines.find((l) => l.orderItemId === i.id)?.quantity ?? 0),
            }));
          }
          if (finish) {
            const p = planRefund({ order: o, items: its, inFlight: [], request: {} });
            if (p)
              o = {
                ...o,
                refundedCents: o.refundedCents + p.amountCents,
                refundedFeeCents: o.refundedFeeCents + p.commissionCents,
                refundedShippingCents: o.refundedShippingCents + p.shippingCents,
              };
            expect(o.refundedCents).toBe(3_999);
            expect(o.refundedFeeCents).toBe(525);
          }
          expect(o.refundedCents).toBeLessThanOrEqual(3_999);
          expect(o.refundedShippingCents).toBeLessThanOrEqual(499);
          expect(o.refundedFeeCents).toBeLessThanOrEqual(525);
          expect(o.refundedFeeCents).toBeLessThanOrEqual(o.refundedCents - o.refundedShippingCents);
        },
      ),
    );
  });
});
