import { describe, expect, it } from "vitest";

import { JOBS } from "@/lib/jobs/queues";
import { CRON_SCHEDULES } from "@/worker/cron";

import { DAILY_PAYOUT_UTC, nextDailyPayoutRun } from "./next-daily-payout-run";

describe("nextDailyPayoutRun", () => {
  it("is today's 02:30 UTC before it, else tomorrow's (across a month's end)", () => {
    expect(nextDailyPayoutRun(new Date("2026-12-04T01:00:00Z")).toISOString()).toBe("2026-12-04T02:30:00.000Z");
    expect(nextDailyPayoutRun(new Date("2026-12-04T02:30:00Z")).toISOString()).toBe("2026-12-05T02:30:00.000Z");
    expect(nextDailyPayoutRun(new Date("2026-12-31T23:59:00Z")).toISOString()).toBe("2027-01-01T02:30:00.000Z");
  });

  it("says the time the worker's cron table runs the daily payouts", () => {
    const entry = CRON_SCHEDULES.find(([job]) => job === JOBS.dailyPayouts);
    expect(entry?.[1]).toBe(`${DAILY_PAYOUT_UTC.minute} ${DAILY_PAYOUT_UTC.hour} * * *`);
  });
});
