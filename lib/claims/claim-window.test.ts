import { describe, expect, it } from "vitest";

import { claimWindow } from "./claim-window";

const DAY = 86_400_000;
const placed = new Date("2026-11-01T12:00:00Z");
const base = {
  createdAt: placed,
  deliveredAt: null as Date | null,
  deliveryLatest: null as Date | null,
  totalCents: 1_000,
  refundedCents: 0,
};
const at = (days: number) => new Date(placed.getTime() + days * DAY);
const win = (
  status: Parameters<typeof claimWindow>[0]["order"]["status"],
  now: Date,
  extra: Partial<typeof base> = {},
  kind?: "damaged" | "never_arrived",
) => claimWindow({ order: { ...base, ...extra, status }, kind, now, protectionDays: 30 });

describe("claimWindow", () => {
  it("is open for the protection window after delivery, even once the seller was paid", () => {
    const delivered = { deliveredAt: at(3) };
    expect(win("delivered", at(10), delivered)).toEqual({ open: true, until: at(33) });
    expect(win("completed", at(33), delivered).open).toBe(true);
    expect(win("completed", at(33.01), delivered)).toMatchObject({
      open: false,
      reason: expect.stringContaining("30 days after delivery"),
    });
  });

  it("a parcel in transit can be claimed as never arrived once its expected delivery date passed, nothing else", () => {
    expect(win("shipped", at(4), {}, "never_arrived")).toMatchObject({
      open: false,
      reason: expect.stringContaining("expected by 2026-11-06"),
    });
    expect(win("shipped", at(6), {}, "never_arrived")).toEqual({ open: true, until: at(35) });
    expect(win("shipped", at(6), {}, "damaged").open).toBe(false);
    expect(win("shipped", at(36), {}, "never_arrived").open).toBe(false);
  });

  it("waits for the end of the delivery window promised at checkout, not a fixed 5 days", () => {
    // Handling 2-3 days and transit 10-20 days: due by the end of 2026-11-24.
    const promised = { deliveryLatest: new Date("2026-11-24T00:00:00Z") };
    expect(win("shipped", at(6), promised, "never_arrived")).toMatchObject({
      open: false,
      reason: expect.stringContaining("expected by 2026-11-24"),
    });
    expect(win("shipped", new Date("2026-11-24T23:59:00Z"), promised, "never_arrived").open).toBe(false);
    expect(win("shipped", new Date("2026-11-25T00:00:00Z"), promised, "never_arrived")).toEqual({
      open: true,
      until: new Date("2026-12-25T00:00:00Z"),
    });
  });

  it("is closed before shipping (cancel instead), during a dispute and once everything was refunded", () => {
    expect(win("paid", at(1))).toMatchObject({ open: false, reason: expect.stringContaining("cancel it instead") });
    expect(win("disputed", at(1)).open).toBe(false);
    expect(win("completed", at(5), { deliveredAt: at(3), refundedCents: 1_000 }).open).toBe(false);
    expect(win("refunded", at(5), { deliveredAt: at(3) }).open).toBe(false);
  });
});
