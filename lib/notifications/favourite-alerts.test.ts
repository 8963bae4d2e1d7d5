import { describe, expect, it } from "vitest";

import { backInStockText, priceDropText, stillBackInStock, stillCheaper } from "./favourite-alerts";

const mug = { id: "p1", title: "Stoneware mug", priceCents: 1800, currency: "USD", inventoryCount: 3 };

describe("alerts for saved listings", () => {
  it("say what is back, how many and where, and the old and new price of a drop", () => {
    const back = backInStockText(mug, "https://shop.test");
    expect(back.subject).toBe("Back in stock: Stoneware mug");
    expect(back.body).toContain("3 available at $18.00");
    expect(back.body).toContain("https://shop.test/products/p1");
    const drop = priceDropText(mug, { oldPriceCents: 2500, newPriceCents: 1800 }, "https://shop.test");
    expect(drop.subject).toBe("Price drop: Stoneware mug is now $18.00");
    expect(drop.note).toBe("Was $25.00, now $18.00.");
  });

  it("are dropped when the news is stale by the time the worker sends them", () => {
    expect(stillBackInStock({ status: "active", inventoryCount: 0 })).toBe(false);
    expect(stillBackInStock({ status: "suspended", inventoryCount: 4 })).toBe(false);
    expect(stillBackInStock({ status: "active", inventoryCount: 4 })).toBe(true);
    const e = { productId: "p1", oldPriceCents: 2500, newPriceCents: 1800, currency: "USD" };
    expect(stillCheaper({ status: "pending_review", priceCents: 1800 }, e)).toBe(true);
    expect(stillCheaper({ status: "active", priceCents: 2600 }, e)).toBe(false);
    expect(stillCheaper({ status: "archived", priceCents: 1800 }, e)).toBe(false);
  });
});
