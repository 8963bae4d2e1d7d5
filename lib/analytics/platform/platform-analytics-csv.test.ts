import { describe, expect, it } from "vitest";

import { resolveAnalyticsRange } from "../report/analytics-range";
import type { PlatformAnalytics, PlatformPeriod } from "./get-platform-analytics";
import { platformAnalyticsCsv } from "./platform-analytics-csv";

const empty: PlatformPeriod = {
  money: [],
  orders: 0,
  activeBuyers: 0,
  activeSellers: 0,
  newSellers: 0,
  fraudHolds: 0,
  fraudHoldsRefused: 0,
  chargebacksOpened: 0,
};
const range = resolveAnalyticsRange({ from: "2026-11-01", to: "2026-11-02" }, new Date("2026-12-01T12:00:00Z"));
const day = (orders: number, gmvCents: number, commissionCents = 0) => ({
  orders,
  gmvCents,
  commissionCents,
  refundedCents: 0,
  chargebackCents: 0,
  chargebackLossCents: 0,
});

describe("platform analytics CSV", () => {
  it("has a row per day and currency, then a total per currency (a currency of the previous period only totals zero)", () => {
    const report: PlatformAnalytics = {
      range,
      currencies: ["USD", "EUR"],
      current: { ...empty, orders: 3, money: [{ currency: "USD", ...day(3, 10_001, 1_500) }] },
      previous: { ...empty, money: [{ currency: "EUR", ...day(1, 500) }] },
      days: [
        { day: "2026-11-01", orders: 1, money: { USD: day(1, 1), EUR: day(0, 0) } },
        { day: "2026-11-02", orders: 2, money: { USD: day(2, 10_000, 1_500), EUR: day(0, 0) } },
      ],
      topCategories: [],
      noResultQueries: [],
    };
    expect(platformAnalyticsCsv(report).split("\r\n")).toEqual([
      "date,currency,orders,gmv,commission,take_rate,refunds,refund_rate,chargebacks,chargeback_losses",
      "2026-11-01,USD,1,0.01,0.00,0.0000,0.00,0.0000,0.00,0.00",
      "2026-11-01,EUR,0,0.00,0.00,,0.00,,0.00,0.00",
      "2026-11-02,USD,2,100.00,15.00,0.1500,0.00,0.0000,0.00,0.00",
      "2026-11-02,EUR,0,0.00,0.00,,0.00,,0.00,0.00",
      "total,USD,3,100.01,15.00,0.1500,0.00,0.0000,0.00,0.00",
      "total,EUR,0,0.00,0.00,,0.00,,0.00,0.00",
      "",
    ]);
  });
});
