import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { commissionCents } from "./commission-cents";

describe("commissionCents", () => {
  it("rounds once, half up", () => {
    expect(commissionCents([{ amountCents: 1000, bps: 1500 }])).toBe(150);
    expect(commissionCents([{ amountCents: 1, bps: 5000 }])).toBe(1);
    expect(commissionCents([{ amountCents: 1, bps: 4999 }])).toBe(0);
    expect(
      commissionCents([
        { amountCents: 333, bps: 1500 },
        { amountCents: 333, bps: 1500 },
        { amountCents: 334, bps: 1500 },
      ]),
    ).toBe(150);
  });
  it("is never negative nor above the amount, and within half a cent of exact", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ amountCents: fc.integer({ min: 1, max: 10_000_000 }), bps: fc.integer({ min: 0, max: 10_000 }) }),
          { minLength: 1, maxLength: 20 },
        ),
        (lines) => {
          const fee = commissionCents(lines);
          const total = lines.reduce((s, l) => s + l.amountCents, 0);
          const exact = lines.reduce((s, l) => s + (l.amountCents * l.bps) / 10000, 0);
          return fee >= 0 && fee <= total && Math.abs(fee - exact) <= 0.5 + 1e-6;
        },
      ),
    );
  });
});
