import { describe, expect, it } from "vitest";

import { daysOf, resolveAnalyticsRange } from "./analytics-range";

const now = new Date("2026-12-03T15:00:00Z");

describe("resolveAnalyticsRange", () => {
  it("reads a preset as the last N days to today, and the period before it", () => {
    expect(resolveAnalyticsRange({ days: "7" }, now)).toEqual({
      from: "2026-11-27",
      to: "2026-12-03",
      days: 7,
      preset: 7,
      previous: { from: "2026-11-20", to: "2026-11-26" },
    });
    expect(resolveAnalyticsRange({}, now).days).toBe(30);
  });

  it("reads a custom range inclusively", () => {
    const r = resolveAnalyticsRange({ from: "2026-02-27", to: "2026-03-02" }, now);
    expect(r).toMatchObject({ days: 4, preset: null, previous: { from: "2026-02-23", to: "2026-02-26" } });
    expect(daysOf(r)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("refuses from after to, half a range, the future and more than a year", () => {
    expect(() => resolveAnalyticsRange({ from: "2026-03-02", to: "2026-03-01" }, now)).toThrow(/on or before/);
    expect(() => resolveAnalyticsRange({ from: "2026-03-02" }, now)).toThrow(/both/);
    expect(() => resolveAnalyticsRange({ from: "2026-12-01", to: "2026-12-04" }, now)).toThrow(/future/);
    expect(() => resolveAnalyticsRange({ from: "2025-01-01", to: "2026-01-02" }, now)).toThrow(
      /at most 366 days; this one spans 367/,
    );
    expect(resolveAnalyticsRange({ from: "2025-01-01", to: "2026-01-01" }, now).days).toBe(366);
  });
});
