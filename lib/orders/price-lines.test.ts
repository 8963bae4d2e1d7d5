import { describe, expect, it } from "vitest";

import type { CartLine } from "@/lib/cart/cart-store";
import { isAppError } from "@/lib/errors/app-error";
import type { ZoneRule } from "@/lib/shipping/shipping-rules";

import { priceLines, type ProductForPricing } from "./price-lines";

const line = (productId: string, quantity: number): CartLine => ({
  productId,
  quantity,
  unitPriceCentsAdded: 1,
  addedAt: 0,
});

const zone = (z: Partial<ZoneRule>): ZoneRule => ({
  countries: [],
  restOfWorld: true,
  firstItemCents: 0,
  additionalItemCents: 0,
  freeOverCents: null,
  handlingDaysMin: 1,
  handlingDaysMax: 1,
  transitDaysMin: 2,
  transitDaysMax: 4,
  ...z,
});
const freeEverywhere = { id: "free", name: "Standard", currency: "USD", zones: [zone({})] };

const product = (id: string, over: Partial<ProductForPricing> = {}): ProductForPricing => ({
  id,
  title: `Product ${id}`,
  priceCents: 1000,
  currency: "USD",
  status: "active",
  sellerId: "seller-a",
  seller: { status: "active", shopName: "Shop A" },
  category: { commissionBps: null },
  shippingProfile: freeEverywhere,
  ...over,
});

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return { code: err.code, status: err.status, message: err.message, details: err.details };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("priceLines", () => {
  it("makes one order per seller, sorted by seller id, at today's price rather than the cart's", () => {
    const priced = priceLines(
      [line("p1", 2), line("p2", 1), line("p3", 3)],
      [
        product("p1", { sellerId: "seller-b", priceCents: 1250 }),
        product("p2", { sellerId: "seller-a", priceCents: 999 }),
        product("p3", { sellerId: "seller-b", priceCents: 100 }),
      ],
      1000,
      "US",
    );
    expect(priced.currency).toBe("USD");
    expect(priced.orders.map((o) => o.sellerId)).toEqual(["seller-a", "seller-b"]);
    expect(priced.orders[0]).toEqual({
      sellerId: "seller-a",
      currency: "USD",
      subtotalCents: 999,
      shippingCents: 0,
      totalCents: 999,
      platformFeeCents: 100,
      taxCents: 0,
      shippingTaxCents: 0,
      taxInclusive: false,
      taxLabel: null,
      taxJurisdiction: null,
      handlingDays: { min: 1, max: 1 },
      transitDays: { min: 2, max: 4 },
      commissionBps: 1001,
      items: [
        {
          productId: "p2",
          title: "Product p2",
          quantity: 1,
          unitPriceCents: 999,
          commissionBps: 1000,
          taxCategory: null,
          taxRateBps: 0,
          taxCents: 0,
          taxInclusive: false,
        },
      ],
    });
    expect(priced.orders[1].items.map((i) => [i.productId, i.quantity, i.unitPriceCents])).toEqual([
      ["p1", 2, 1250],
      ["p3", 3, 100],
    ]);
    expect(priced.orders[1].subtotalCents).toBe(2800);
    expect(priced.totalCents).toBe(999 + 2800);
  });

  it("takes each line's commission at its category's rate, else the default, rounding once per order", () => {
    const priced = priceLines(
      [line("p1", 1), line("p2", 1)],
      [
        product("p1", { priceCents: 1005, category: { commissionBps: 500 } }),
        product("p2", { priceCents: 1005, category: { commissionBps: null } }),
      ],
      500,
      "US",
    );
    // 1005 at 5% is 50.25 twice: rounded per line 100, summed exactly then rounded half up 101.
    expect(priced.orders).toHaveLength(1);
    expect(priced.orders[0].platformFeeCents).toBe(101);
    expect(priced.orders[0].commissionBps).toBe(502);
    // The default rate applies only where the category has none.
    expect(
      priceLines([line("p2", 1)], [product("p2", { priceCents: 1000 })], 1500, "US").orders[0].platformFeeCents,
    ).toBe(150);
  });

  it("refuses a product that is gone, inactive, or whose shop is suspended, naming it", () => {
    expect(refusal(() => priceLines([line("p1", 1)], [], 1000, "US"))).toEqual({
      code: "conflict",
      status: 409,
      message: '"An item" is no longer available. Remove it from your cart.',
      details: { productId: "p1" },
    });
    expect(
      refusal(() => priceLines([line("p1", 1)], [product("p1", { status: "suspended" })], 1000, "US")).message,
    ).toBe('"Product p1" is no longer available. Remove it from your cart.');
    expect(
      refusal(() =>
        priceLines(
          [line("p1", 1)],
          [product("p1", { seller: { status: "suspended", shopName: "Shop A" } })],
          1000,
          "US",
        ),
      ).details,
    ).toEqual({ productId: "p1" });
  });

  it("refuses a cart that mixes currencies when no checkout currency is chosen", () => {
    const r = refusal(() =>
      priceLines(
        [line("p1", 1), line("p2", 1)],
        [product("p1"), product("p2", { currency: "EUR", sellerId: "seller-b" })],
        1000,
        "US",
      ),
    );
    expect(r.status).toBe(422);
    expect(r.message).toBe("Your cart mixes currencies; choose the currency to pay in.");
  });

  it("prices each shop in its own currency, the checkout in the chosen one", () => {
    const eur = { ...freeEverywhere, currency: "EUR" };
    const priced = priceLines(
      [line("p1", 1), line("p2", 1)],
      [product("p1"), product("p2", { currency: "EUR", sellerId: "seller-b", shippingProfile: eur })],
      1000,
      "US",
      "GBP",
    );
    expect(priced.currency).toBe("GBP");
    expect(priced.orders.map((o) => [o.sellerId, o.currency])).toEqual([
      ["seller-a", "USD"],
      ["seller-b", "EUR"],
    ]);
  });

  it("refuses a shop that prices its items in two currencies", () => {
    const r = refusal(() =>
      priceLines(
        [line("p1", 1), line("p2", 1)],
        [product("p1"), product("p2", { currency: "EUR" })],
        1000,
        "US",
        "USD",
      ),
    );
    expect(r.status).toBe(409);
    expect(r.message).toMatch(/more than one currency/);
  });

  const domestic = {
    id: "dom",
    name: "Domestic",
    currency: "USD",
    zones: [
      zone({ restOfWorld: false, countries: ["US"], firstItemCents: 500, additionalItemCents: 100, transitDaysMax: 6 }),
    ],
  };

  it("adds each shop's shipping to its total and the checkout's, taking commission on the items only", () => {
    const priced = priceLines(
      [line("p1", 3), line("p2", 1)],
      [product("p1", { shippingProfile: domestic }), product("p2", { sellerId: "seller-b" })],
      1000,
      "US",
    );
    expect(priced.orders[0]).toMatchObject({
      subtotalCents: 3000,
      shippingCents: 700,
      totalCents: 3700,
      platformFeeCents: 300,
      transitDays: { min: 2, max: 6 },
    });
    expect(priced.orders[1]).toMatchObject({ shippingCents: 0, totalCents: 1000 });
    expect(priced.totalCents).toBe(4700);
  });

  it("refuses a shop that does not ship to the address's country, naming both", () => {
    const r = refusal(() => priceLines([line("p1", 1)], [product("p1", { shippingProfile: domestic })], 1000, "DE"));
    expect(r.status).toBe(422);
    expect(r.message).toBe("Shop A does not ship to Germany. Remove its items or choose another address.");
    expect(r.details).toEqual({ sellerId: "seller-a", country: "DE" });
  });
});
