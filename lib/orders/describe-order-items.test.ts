import { describe, expect, it } from "vitest";

import { countOrderUnits, describeOrderItems } from "./describe-order-items";

const line = (titleSnapshot: string, quantity: number) => ({ titleSnapshot, quantity });

describe("an order's items in a list", () => {
  it("names the quantity of a line of two, not 'and 1 more'", () => {
    expect(describeOrderItems([line("Mug", 2)])).toBe("2 × Mug");
    expect(countOrderUnits([line("Mug", 2)])).toBe(2);
  });

  it("shows two lines and counts the units of the rest", () => {
    const items = [line("Mug", 2), line("Lamp", 1), line("Rug", 3), line("Vase", 1)];
    expect(describeOrderItems(items)).toBe("2 × Mug, 1 × Lamp and 4 more items");
    expect(describeOrderItems(items.slice(0, 3))).toBe("2 × Mug, 1 × Lamp and 3 more items");
    expect(describeOrderItems([line("Mug", 1), line("Lamp", 1), line("Rug", 1)])).toBe(
      "1 × Mug, 1 × Lamp and 1 more item",
    );
    expect(countOrderUnits(items)).toBe(7);
  });
});
