import { describe, expect, it } from "vitest";

import { autoConfirmAt } from "./auto-confirm-at";

describe("autoConfirmAt", () => {
  const shippedAt = new Date("2026-11-02T10:00:00Z");

  it("is 14 days after shipping for an order due within that time, or one without a promised window", () => {
    expect(autoConfirmAt({ shippedAt, deliveryLatest: new Date("2026-11-06") })).toEqual(
      new Date("2026-11-16T10:00:00Z"),
    );
    expect(autoConfirmAt({ shippedAt, deliveryLatest: null })).toEqual(new Date("2026-11-16T10:00:00Z"));
  });

  it("waits a week after a long delivery window ends", () => {
    // Due by the end of 2026-11-25: confirmed a week after that day ends.
    expect(autoConfirmAt({ shippedAt, deliveryLatest: new Date("2026-11-25") })).toEqual(
      new Date("2026-12-03T00:00:00Z"),
    );
  });

  it("is nothing before shipping", () => {
    expect(autoConfirmAt({ shippedAt: null, deliveryLatest: new Date("2026-11-25") })).toBeNull();
  });
});
