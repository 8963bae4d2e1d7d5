import { describe, expect, it } from "vitest";

import { estimateCache, scanBeatsIndex } from "./text-scan-choice";

describe("scanBeatsIndex", () => {
  it("reads common words at scale by scan and rare words by index, as measured", () => {
    expect(scanBeatsIndex(67_042, 1_000_000)).toBe(true); // "furniture" at 1M
    expect(scanBeatsIndex(37_782, 1_000_000)).toBe(false); // "classic" at 1M
    expect(scanBeatsIndex(4_126, 1_000_000)).toBe(false); // "yusuf" at 1M
    expect(scanBeatsIndex(375_687, 10_000_000)).toBe(true); // "classic" at 10M
    expect(scanBeatsIndex(41_054, 10_000_000)).toBe(false); // "yusuf" at 10M
  });

  it("never scans a small catalogue or a match count the pool would not fill", () => {
    expect(scanBeatsIndex(40, 40)).toBe(false);
    expect(scanBeatsIndex(1_500, 1_600)).toBe(false);
    expect(scanBeatsIndex(0, 1_000_000)).toBe(false);
    expect(scanBeatsIndex(Number.NaN, 1_000_000)).toBe(false);
    expect(scanBeatsIndex(500_000, 0)).toBe(false);
  });

  it("switches once as matches grow, at the break-even", () => {
    const n = 2_000_000;
    const choices = Array.from({ length: 200 }, (_, i) => scanBeatsIndex((i + 1) * 5_000, n));
    const firstScan = choices.indexOf(true);
    expect(firstScan).toBeGreaterThan(0);
    expect(choices.slice(firstScan).every(Boolean)).toBe(true);
  });
});

describe("estimateCache", () => {
  it("loads a key once within its lifetime and drops the oldest when full", async () => {
    const cached = estimateCache({ max: 2, ttlMs: 60_000 });
    let loads = 0;
    const load = (n: number) => async () => {
      loads++;
      return n;
    };
    expect(await cached("a", load(1))).toBe(1);
    expect(await cached("a", load(99))).toBe(1);
    expect(loads).toBe(1);
    await cached("b", load(2));
    await cached("c", load(3));
    expect(await cached("a", load(4))).toBe(4);
    expect(loads).toBe(4);
  });
});
