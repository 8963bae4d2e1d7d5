import { describe, expect, it } from "vitest";

import { parseEcbDaily, RatesFeedError } from "./ecb-feed";
import { ecbDailyXml } from "./ecb-fixture";

describe("parseEcbDaily", () => {
  it("reads the day and every rate, with the euro as 1", () => {
    const xml = ecbDailyXml("2026-12-02", { USD: "1.0512", JPY: "158.12", GBP: "0.8297" });
    expect(parseEcbDaily(xml)).toEqual({
      asOf: "2026-12-02",
      perEur: { EUR: "1", USD: "1.0512", JPY: "158.12", GBP: "0.8297" },
    });
  });

  it("reads a file with a single rate (one Cube, not a list)", () => {
    expect(parseEcbDaily(ecbDailyXml("2026-12-01", { USD: "1.05" })).perEur).toEqual({ EUR: "1", USD: "1.05" });
  });

  it("says what is wrong with a file that is not the daily envelope", () => {
    expect(() => parseEcbDaily("<html><body>Service unavailable</body></html>")).toThrow(RatesFeedError);
    expect(() => parseEcbDaily(ecbDailyXml("yesterday", { USD: "1.05" }))).toThrow(/no dated set/);
    expect(() => parseEcbDaily(ecbDailyXml("2026-12-01", { USD: "-1.05" }))).toThrow(
      /rate for USD is not a positive number/,
    );
    expect(() => parseEcbDaily(ecbDailyXml("2026-12-01", {}))).toThrow(/lists no rates/);
  });
});
