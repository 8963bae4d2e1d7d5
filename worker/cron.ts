import { JOBS, type JobName } from "@/lib/jobs/queues";

// Cron jobs: [queue, cron expression, data]. Later features add theirs here.
export const CRON_SCHEDULES: [JobName, string, object][] = [
  [JOBS.expireReservations, "* * * * *", {}],
  [JOBS.autoConfirmDeliveries, "17 * * * *", {}],
  [JOBS.dailyPayouts, "30 2 * * *", {}],
  [JOBS.sweepParkedReleases, "*/5 * * * *", {}],
  // Each run listens for outbox commits for just under a minute (near-real-time indexing).
  [JOBS.searchIndex, "* * * * *", {}],
  [JOBS.searchMaintenance, "7 * * * *", {}],
  [JOBS.reconcileFlashGates, "* * * * *", {}],
  // The backstop for lost carrier webhooks.
  [JOBS.pollReturnTracking, "*/10 * * * *", {}],
  [JOBS.autoRefundReturns, "23 * * * *", {}],
  [JOBS.pruneOldRows, "41 * * * *", {}],
  // The ECB publishes around 16:00 CET on working days; without FX_RATES_URL the job does nothing.
  [JOBS.refreshExchangeRates, "20 15,17 * * *", {}],
  // A sale shows in the seller's analytics within a minute (the page also reads the tail not yet rolled up).
  [JOBS.rollUpAnalytics, "* * * * *", {}],
  // Each seller who chose the daily digest gets it at the first run after 08:00 their time.
  [JOBS.sendDailyDigests, "5 * * * *", {}],
  // Every co-purchase pair from the orders (a paid checkout updates its own pairs at once).
  [JOBS.computeCoPurchases, "45 3 * * *", {}],
];
