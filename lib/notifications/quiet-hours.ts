// Quiet hours: a daily local-time window (e.g. 22:00–07:00) in which push and SMS wait. Pure:
// the caller passes the instant and the person's settings. Hand-written on Intl rather than a
// date library: the app needs only "wall clock of an instant" and "instant of a wall clock",
// and Intl carries the time-zone database already.

export type QuietHours = {
  /** Minutes after local midnight, 0–1439. */
  startMinutes: number;
  endMinutes: number;
  /** IANA time zone ("Europe/Berlin"). */
  timeZone: string;
};

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant (to the minute). */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The zone's offset from UTC at an instant, in ms (local − UTC), to the minute. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockAt(new Date(instant), timeZone);
  const truncated = Math.floor(instant / MINUTE) * MINUTE;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - truncated;
}

function sameWall(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/**
 * The instant a wall-clock time happens in `timeZone`, resolved as Temporal's "compatible"
 * does: a time that happens twice (clocks going back) is the earlier one; a time that never
 * happens (clocks going forward) is moved forward by the gap (02:30 in a 02:00→03:00 jump is 03:30).
 */
export function instantOfWallClock(w: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // Zones change offset at most once within a day of any instant.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  const candidates = [...new Set([asUtc - before, asUtc - after])]
    .filter((t) => sameWall(wallClockAt(new Date(t), timeZone), w))
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  return new Date(asUtc - before);
}

function isInside(minuteOfDay: number, q: QuietHours): boolean {
  if (q.startMinutes === q.endMinutes) return false;
  return q.startMinutes < q.endMinutes
    ? minuteOfDay >= q.startMinutes && minuteOfDay < q.endMinutes
    : minuteOfDay >= q.startMinutes || minuteOfDay < q.endMinutes;
}

/** Whether `instant` falls inside the quiet hours (start inclusive, end exclusive). */
export function isInQuietHours(instant: Date, q: QuietHours): boolean {
  const w = wallClockAt(instant, q.timeZone);
  return isInside(w.hour * 60 + w.minute, q);
}

/**
 * When a push or SMS due at `instant` may go out: null when it may go now, else the instant the
 * quiet hours end (the next local `endMinutes` after `instant`). Equal start and end mean no
 * quiet hours.
 */
export function quietHoursEndAfter(instant: Date, q: QuietHours | null): Date | null {
  if (!q || !isInQuietHours(instant, q)) return null;
  const w = wallClockAt(instant, q.timeZone);
  const minuteOfDay = w.hour * 60 + w.minute;
  // Past the end time today means the window runs overnight: it ends tomorrow.
  const dayOffset = minuteOfDay < q.endMinutes ? 0 : 1;
  // Date.UTC normalises day overflow (31 + 1) into the next month.
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + dayOffset));
  return instantOfWallClock(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: Math.floor(q.endMinutes / 60),
      minute: q.endMinutes % 60,
    },
    q.timeZone,
  );
}

/** "22:00" → 1320; null for anything that is not HH:MM on a 24-hour clock. */
export function parseClockTime(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** 1320 → "22:00". */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
