import { describe, expect, it } from "vitest";

import { reviewEligibility } from "./review-rules";

const DAY = 86_400_000;
const now = new Date("2026-06-01T12:00:00Z");

describe("reviewEligibility", () => {
  it("allows delivered and completed orders within 60 days of delivery, and says when the window closes", () => {
    const deliveredAt = new Date(now.getTime() - 10 * DAY);
    expect(reviewEligibility({ status: "delivered", deliveredAt }, now)).toEqual({
      ok: true,
      closesAt: new Date(deliveredAt.getTime() + 60 * DAY),
    });
    expect(reviewEligibility({ status: "completed", deliveredAt }, now).ok).toBe(true);
  });

  it("refuses every status before delivery, and an order with no delivery date", () => {
    for (const status of ["pending", "paid", "shipped", "cancelled", "refunded", "disputed"] as const) {
      expect(reviewEligibility({ status, deliveredAt: null }, now)).toMatchObject({ ok: false, code: "not_delivered" });
    }
    expect(reviewEligibility({ status: "refunded", deliveredAt: now }, now)).toMatchObject({
      ok: false,
      code: "not_delivered",
    });
    expect(reviewEligibility({ status: "delivered", deliveredAt: null }, now)).toMatchObject({
      ok: false,
      code: "not_delivered",
    });
  });

  it("the window's last moment is still open; a moment later it is closed, naming the delivery date", () => {
    const deliveredAt = new Date(now.getTime() - 60 * DAY);
    expect(reviewEligibility({ status: "delivered", deliveredAt }, now).ok).toBe(true);
    expect(
      reviewEligibility({ status: "delivered", deliveredAt: new Date(deliveredAt.getTime() - 1) }, now),
    ).toMatchObject({ ok: false, code: "window_closed", message: expect.stringContaining("delivered on 2026-04-02") });
  });

  it("falls back to the completion date when a completed order has no delivery date", () => {
    expect(
      reviewEligibility({ status: "completed", deliveredAt: null, completedAt: new Date(now.getTime() - DAY) }, now).ok,
    ).toBe(true);
  });
});
