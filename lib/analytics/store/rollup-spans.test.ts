import { describe, expect, it } from "vitest";

import { rollupSpans } from "./rollup-spans";

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe("rollupSpans", () => {
  it("reads a year as its whole months plus the days at either edge", () => {
    expect(rollupSpans("2025-12-05", "2026-12-04")).toEqual({
      headDays: { from: "2025-12-05", to: "2026-01-01" },
      months: { from: "2026-01-01", to: "2026-12-01" },
      tailDays: { from: "2026-12-01", to: "2026-12-05" },
    });
  });

  it("uses a month that the range covers exactly, edges included", () => {
    expect(rollupSpans("2026-11-01", "2026-11-30")).toEqual({
      headDays: { from: "2026-11-01", to: "2026-11-01" },
      months: { from: "2026-11-01", to: "2026-12-01" },
      tailDays: { from: "2026-12-01", to: "2026-12-01" },
    });
    expect(rollupSpans("2026-12-01", "2026-12-31").months).toEqual({ from: "2026-12-01", to: "2027-01-01" });
  });

  it("reads days only when no whole month is inside", () => {
    expect(rollupSpans("2026-11-06", "2026-12-05")).toEqual({
      headDays: { from: "2026-11-06", to: "2026-12-06" },
      months: { from: "2026-12-06", to: "2026-12-06" },
      tailDays: { from: "2026-12-06", to: "2026-12-06" },
    });
    expect(rollupSpans("2026-02-01", "2026-02-27").months.from).toBe(rollupSpans("2026-02-01", "2026-02-27").months.to);
  });

  it("covers every day of any range exactly once", () => {
    for (let i = 0; i < 400; i += 7)
      for (const len of [1, 7, 30, 31, 90, 366]) {
        const from = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.parse(from) + (len - 1) * 86_400_000).toISOString().slice(0, 10);
        const { headDays, months, tailDays } = rollupSpans(from, to);
        expect(headDays.from).toBe(from);
        expect(headDays.to <= months.from || months.from === months.to).toBe(true);
        const covered =
          days(headDays.from, headDays.to) + days(months.from, months.to) + days(tailDays.from, tailDays.to);
        expect(covered).toBe(len);
        if (months.from !== months.to) {
          expect(months.from.endsWith("-01") && months.to.endsWith("-01")).toBe(true);
          expect(headDays.to).toBe(months.from);
          expect(tailDays.from).toBe(months.to);
        }
      }
  });
});
