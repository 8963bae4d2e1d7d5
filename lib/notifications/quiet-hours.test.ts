import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  formatClockTime,
  instantOfWallClock,
  isInQuietHours,
  isValidTimeZone,
  parseClockTime,
  quietHoursEndAfter,
  wallClockAt,
  type QuietHours,
} from "./quiet-hours";

const night = (timeZone: string): QuietHours => ({ startMinutes: 22 * 60, endMinutes: 7 * 60, timeZone });

describe("quietHoursEndAfter", () => {
  it("delays a message due inside an overnight window until it ends the next morning", () => {
    // 23:30 in Berlin (winter, UTC+1) → 07:00 the next day, Berlin time.
    expect(quietHoursEndAfter(new Date("2026-01-10T22:30:00Z"), night("Europe/Berlin"))?.toISOString()).toBe(
      "2026-01-11T06:00:00.000Z",
    );
    // 05:00 the same night → 07:00 that morning.
    expect(quietHoursEndAfter(new Date("2026-01-11T04:00:00Z"), night("Europe/Berlin"))?.toISOString()).toBe(
      "2026-01-11T06:00:00.000Z",
    );
  });

  it("sends at once outside the window, at its end exactly, and with no quiet hours", () => {
    expect(quietHoursEndAfter(new Date("2026-01-11T06:00:00Z"), night("Europe/Berlin"))).toBeNull();
    expect(quietHoursEndAfter(new Date("2026-01-11T12:00:00Z"), night("Europe/Berlin"))).toBeNull();
    expect(quietHoursEndAfter(new Date("2026-01-11T12:00:00Z"), null)).toBeNull();
    expect(
      quietHoursEndAfter(new Date("2026-01-11T12:00:00Z"), { startMinutes: 600, endMinutes: 600, timeZone: "UTC" }),
    ).toBeNull();
  });

  it("handles a daytime window and the start minute (inclusive)", () => {
    const q: QuietHours = { startMinutes: 9 * 60, endMinutes: 17 * 60, timeZone: "America/New_York" };
    expect(quietHoursEndAfter(new Date("2026-06-01T13:00:00Z"), q)?.toISOString()).toBe("2026-06-01T21:00:00.000Z");
    expect(quietHoursEndAfter(new Date("2026-06-01T12:59:00Z"), q)).toBeNull();
  });

  it("ends at 07:00 local on the night clocks go forward (Berlin, 29 March 2026: one hour shorter)", () => {
    // 23:00 CET on the 28th = 22:00Z; 07:00 CEST on the 29th = 05:00Z.
    expect(quietHoursEndAfter(new Date("2026-03-28T22:00:00Z"), night("Europe/Berlin"))?.toISOString()).toBe(
      "2026-03-29T05:00:00.000Z",
    );
  });

  it("ends at 07:00 local on the night clocks go back (New York, 1 November 2026: one hour longer)", () => {
    // 23:00 EDT on 31 Oct = 03:00Z; 07:00 EST on 1 Nov = 12:00Z.
    expect(quietHoursEndAfter(new Date("2026-11-01T03:00:00Z"), night("America/New_York"))?.toISOString()).toBe(
      "2026-11-01T12:00:00.000Z",
    );
  });

  it("moves an end time that the clocks skip past the gap, and takes the earlier of a repeated one", () => {
    // Berlin skips 02:00–03:00 on 29 March: "02:30" happens as 03:30 CEST = 01:30Z.
    expect(
      instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin").toISOString(),
    ).toBe("2026-03-29T01:30:00.000Z");
    // Berlin repeats 02:00–03:00 on 25 October: the first 02:30 is CEST = 00:30Z.
    expect(
      instantOfWallClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin").toISOString(),
    ).toBe("2026-10-25T00:30:00.000Z");
  });

  it("crosses a month and a year end", () => {
    expect(quietHoursEndAfter(new Date("2026-12-31T23:00:00Z"), night("UTC"))?.toISOString()).toBe(
      "2027-01-01T07:00:00.000Z",
    );
  });
});

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Sao_Paulo",
  "Australia/Sydney",
  "Australia/Lord_Howe", // a 30-minute DST shift
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/St_Johns",
] as const;

const arbQuiet = fc.record({
  startMinutes: fc.integer({ min: 0, max: 1439 }),
  endMinutes: fc.integer({ min: 0, max: 1439 }),
  timeZone: fc.constantFrom(...ZONES),
});
// Whole minutes across several years, DST changes included.
const arbInstant = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2029, 0, 1) / 60_000 })
  .map((m) => new Date(m * 60_000));

describe("quietHoursEndAfter (properties)", () => {
  it("is null exactly when the instant is outside quiet hours; otherwise later, outside them, within a day", () => {
    fc.assert(
      fc.property(arbInstant, arbQuiet, (now, q) => {
        const end = quietHoursEndAfter(now, q);
        if (!isInQuietHours(now, q)) return end === null;
        if (!end) return false;
        const waited = end.getTime() - now.getTime();
        // At most a day, plus an hour for a night the clocks go back (Lord Howe: 30 minutes).
        if (waited <= 0 || waited > 25 * 3600_000) return false;
        if (isInQuietHours(end, q)) return false;
        // The minute before the end is still quiet (no earlier way out), unless the clocks jumped over it.
        const w = wallClockAt(end, q.timeZone);
        const onTime = w.hour * 60 + w.minute === q.endMinutes;
        return onTime ? isInQuietHours(new Date(end.getTime() - 60_000), q) : true;
      }),
      { numRuns: 3000 },
    );
  });

  it("every instant's wall clock maps back to that instant or an earlier one with the same wall clock", () => {
    fc.assert(
      fc.property(arbInstant, fc.constantFrom(...ZONES), (t, zone) => {
        const back = instantOfWallClock(wallClockAt(t, zone), zone);
        const sameWall = JSON.stringify(wallClockAt(back, zone)) === JSON.stringify(wallClockAt(t, zone));
        return sameWall && back.getTime() <= t.getTime() && t.getTime() - back.getTime() <= 3600_000;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("clock times and zones", () => {
  it("parses and formats HH:MM", () => {
    expect(parseClockTime("22:00")).toBe(1320);
    expect(parseClockTime("07:05")).toBe(425);
    for (const bad of ["24:00", "7:00", "12:60", "", "noon"]) expect(parseClockTime(bad)).toBeNull();
    expect(formatClockTime(425)).toBe("07:05");
  });

  it("knows real zones only", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
