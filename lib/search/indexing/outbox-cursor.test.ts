import { describe, expect, it } from "vitest";

import { advanceCursor, GAP_MIN_MS, GAP_TIMEOUT_MS, type GapSighting } from "./outbox-cursor";

const ids = (...n: number[]) => n.map(BigInt);

describe("advanceCursor", () => {
  it("moves to the last event when there is no hole", () => {
    expect(
      advanceCursor({ cursor: 10n, seen: ids(11, 12, 13), gaps: new Map(), nowMs: 0, xminNow: 100n, xmaxNow: 101n }),
    ).toBe(13n);
  });

  it("stops before a hole a running transaction may still fill", () => {
    const gaps = new Map<bigint, GapSighting>();
    expect(advanceCursor({ cursor: 10n, seen: ids(11, 13, 14), gaps, nowMs: 0, xminNow: 90n, xmaxNow: 100n })).toBe(
      11n,
    );
    expect(gaps.get(12n)).toEqual({ firstSeenMs: 0, xmaxAtFirstSeen: 100n });
    // Still open: a transaction older than the sighting is running.
    expect(
      advanceCursor({ cursor: 11n, seen: ids(13, 14), gaps, nowMs: GAP_MIN_MS + 1, xminNow: 95n, xmaxNow: 120n }),
    ).toBe(11n);
  });

  it("passes the hole once the transactions open at the sighting have ended", () => {
    const gaps = new Map<bigint, GapSighting>([[12n, { firstSeenMs: 0, xmaxAtFirstSeen: 100n }]]);
    expect(
      advanceCursor({ cursor: 11n, seen: ids(13, 14), gaps, nowMs: GAP_MIN_MS, xminNow: 100n, xmaxNow: 130n }),
    ).toBe(14n);
    expect(gaps.size).toBe(0);
  });

  it("passes a hole after the timeout whatever runs", () => {
    const gaps = new Map<bigint, GapSighting>([[12n, { firstSeenMs: 0, xmaxAtFirstSeen: 100n }]]);
    expect(
      advanceCursor({ cursor: 11n, seen: ids(13), gaps, nowMs: GAP_TIMEOUT_MS, xminNow: 50n, xmaxNow: 130n }),
    ).toBe(13n);
  });

  it("moves through a hole that was filled late", () => {
    const gaps = new Map<bigint, GapSighting>([[12n, { firstSeenMs: 0, xmaxAtFirstSeen: 100n }]]);
    expect(advanceCursor({ cursor: 11n, seen: ids(12, 13), gaps, nowMs: 10, xminNow: 50n, xmaxNow: 130n })).toBe(13n);
    expect(gaps.size).toBe(0);
  });

  it("stays put with nothing new", () => {
    expect(advanceCursor({ cursor: 7n, seen: [], gaps: new Map(), nowMs: 0, xminNow: 1n, xmaxNow: 1n })).toBe(7n);
  });
});
