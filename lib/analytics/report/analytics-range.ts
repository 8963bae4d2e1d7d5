import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";

export const RANGE_PRESETS = [7, 30, 90] as const;
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const ZDay = z.iso.date("Use a date as YYYY-MM-DD.");

/** The query a report is asked with: a preset (`days`) or a custom `from`..`to`, both inclusive UTC days. */
export const ZAnalyticsRangeQuery = z
  .object({
    days: z.enum(["7", "30", "90"], "Choose 7, 30 or 90 days.").optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
  })
  .meta({ title: "Date range" });
export type TAnalyticsRangeQuery = z.infer<typeof ZAnalyticsRangeQuery>;

/** Inclusive UTC days; `previous` is the period of the same length just before. */
export type AnalyticsRange = {
  from: string;
  to: string;
  days: number;
  preset: (typeof RANGE_PRESETS)[number] | null;
  previous: { from: string; to: string };
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Reads a range query (default: the last 30 days to today); refuses from after to, a range over a year, or one in the future. */
export function resolveAnalyticsRange(query: TAnalyticsRangeQuery, now: Date = new Date()): AnalyticsRange {
  const today = day(now.getTime());
  let from: string;
  let to: string;
  let preset: AnalyticsRange["preset"] = null;
  if (query.from || query.to) {
    if (!query.from || !query.to) throw new AppError("validation_failed", "Give both a start and an end date.");
    from = query.from;
    to = query.to;
    if (ms(from) > ms(to)) throw new AppError("validation_failed", "The start date must be on or before the end date.");
    if (ms(to) > ms(today)) throw new AppError("validation_failed", "The end date cannot be in the future.");
  } else {
    const n = Number(query.days ?? 30) as (typeof RANGE_PRESETS)[number];
    preset = n;
    to = today;
    from = day(ms(today) - (n - 1) * DAY_MS);
  }
  const days = Math.round((ms(to) - ms(from)) / DAY_MS) + 1;
  if (days > MAX_RANGE_DAYS)
    throw new AppError("validation_failed", `A range may span at most ${MAX_RANGE_DAYS} days; this one spans ${days}.`);
  const previousTo = day(ms(from) - DAY_MS);
  return { from, to, days, preset, previous: { from: day(ms(previousTo) - (days - 1) * DAY_MS), to: previousTo } };
}

/** Every day of a range, in order (the chart's x axis, zero-filled). */
export function daysOf(range: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let t = ms(range.from); t <= ms(range.to); t += DAY_MS) out.push(day(t));
  return out;
}
