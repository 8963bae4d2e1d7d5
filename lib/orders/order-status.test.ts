import { describe, expect, it } from "vitest";

import { canTransition } from "./order-status";

describe("the order lifecycle", () => {
  it("follows pending → paid → shipped → delivered → completed", () => {
    expect(canTransition("pending", "paid")).toBe(true);
    expect(canTransition("paid", "shipped")).toBe(true);
    expect(canTransition("shipped", "delivered")).toBe(true);
    expect(canTransition("delivered", "completed")).toBe(true);
  });
  it.each([
    ["pending", "shipped"],
    ["pending", "delivered"],
    ["paid", "delivered"],
    ["cancelled", "paid"],
    ["refunded", "paid"],
    ["completed", "shipped"],
    ["delivered", "shipped"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});
