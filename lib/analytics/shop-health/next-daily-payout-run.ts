/**
 * When the worker's daily payout run starts (worker/cron.ts: daily-payouts at "30 2 * * *").
 * Kept here because lib/ cannot import the worker; next-daily-payout-run.test.ts checks the two agree.
 */
export const DAILY_PAYOUT_UTC = { hour: 2, minute: 30 } as const;

/** The next daily payout run after `now`. */
export function nextDailyPayoutRun(now: Date): Date {
  const run = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_PAYOUT_UTC.hour, DAILY_PAYOUT_UTC.minute),
  );
  if (run.getTime() <= now.getTime()) run.setUTCDate(run.getUTCDate() + 1);
  return run;
}
