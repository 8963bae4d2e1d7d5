import { describe, expect, it } from "vitest";

import { returnableQuantities, returnedItemsCents, returnEligibility, shippingRefundCents } from "./return-rules";

const day = 86_400_000;

describe("who may ask for a return", () => {
  const delivered = new Date("2026-06-01T12:00:00Z");
  it("a delivered or completed order within the window", () => {
    expect(
      returnEligibility({ status: "delivered", deliveredAt: delivered }, new Date(delivered.getTime() + 29 * day), 30),
    ).toMatchObject({ ok: true });
    expect(
      returnEligibility({ status: "completed", deliveredAt: delivered }, new Date(delivered.getTime() + 30 * day), 30),
    ).toMatchObject({ ok: true, closesAt: new Date(delivered.getTime() + 30 * day) });
  });
  it("not after the window, before delivery, or after a full refund", () => {
    expect(
      returnEligibility(
        { status: "completed", deliveredAt: delivered },
        new Date(delivered.getTime() + 30 * day + 1),
        30,
      ),
    ).toMatchObject({ ok: false, code: "window_closed" });
    expect(returnEligibility({ status: "shipped", deliveredAt: null }, delivered, 30)).toMatchObject({
      ok: false,
      code: "not_delivered",
    });
    expect(returnEligibility({ status: "disputed", deliveredAt: delivered }, delivered, 30)).toMatchObject({
      ok: false,
      code: "not_delivered",
    });
    expect(returnEligibility({ status: "refunded", deliveredAt: delivered }, delivered, 30)).toMatchObject({
      ok: false,
      code: "refunded",
    });
  });
});

describe("how much comes back", () => {
  it("what is left to return is bought minus what other returns took, never below zero", () => {
    const left = returnableQuantities(
      [
        { id: "a", quantity: 3 },
        { id: "b", quantity: 1 },
      ],
      [
        { orderItemId: "a", quantity: 1 },
        { orderItemId: "a", quantity: 1 },
        { orderItemId: "b", quantity: 2 },
      ],
    );
    expect(Object.fromEntries(left)).toEqual({ a: 1, b: 0 });
  });
  it("the items are worth unit price times quantity", () => {
    expect(
      returnedItemsCents([
        { quantity: 2, unitPriceCents: 1250 },
        { quantity: 1, unitPriceCents: 99 },
      ]),
    ).toBe(2599);
  });
  it("shipping comes back when the seller is at fault, once per order", () => {
    expect(shippingRefundCents({ reason: "damaged", orderShippingCents: 500, shippingAlreadyRefundedCents: 0 })).toBe(
      500,
    );
    expect(
      shippingRefundCents({ reason: "wrong_item", orderShippingCents: 500, shippingAlreadyRefundedCents: 500 }),
    ).toBe(0);
    expect(
      shippingRefundCents({ reason: "not_as_described", orderShippingCents: 0, shippingAlreadyRefundedCents: 0 }),
    ).toBe(0);
    expect(
      shippingRefundCents({ reason: "changed_mind", orderShippingCents: 500, shippingAlreadyRefundedCents: 0 }),
    ).toBe(0);
    expect(
      shippingRefundCents({ reason: "doesnt_fit", orderShippingCents: 500, shippingAlreadyRefundedCents: 0 }),
    ).toBe(0);
  });
});
