import type PgBoss from "pg-boss";

import { moderateListing } from "@/lib/catalog/moderate-listing";
import { db } from "@/lib/db/client";
import { sendNotification } from "@/lib/notifications/send-notification";
import { expireReservations } from "@/lib/orders/expire-reservations";
import { autoConfirmDeliveries } from "@/lib/orders/fulfil-order";
import { reconcileFlashGates } from "@/lib/orders/reconcile-flash-gates";
import { syncGateStock } from "@/lib/orders/sync-gate-stock";
import { refundLatePayment } from "@/lib/payments/refund-late-payment";
import { retryRelease } from "@/lib/payments/retry-release";
import { sweepParkedReleases } from "@/lib/payments/sweep-parked-releases";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { settlePayout } from "@/lib/payouts/settle-payout";
import { autoRefundReturns } from "@/lib/returns/auto-refund-returns";
import { issueReturnLabel } from "@/lib/returns/issue-return-label";
import { pollReturnTracking } from "@/lib/returns/poll-return-tracking";
import { refundReturn } from "@/lib/returns/refund-return";
import { aggregateReviews } from "@/lib/reviews/ratings/aggregate-reviews";
import { refreshSearchStats } from "@/lib/search/refresh-search-stats";
import { runSearchIndexer, SEARCH_INDEXER_RUN_MS } from "@/lib/search/run-search-indexer";
import { processUpload } from "@/lib/uploads/process-upload";

import { JOBS, type JobName, type JobPayloads } from "./queues";

type Handler<N extends JobName> = (data: JobPayloads[N]) => Promise<unknown>;

// One entry per queue; the worker registers them all, tests call them directly.
export const JOB_HANDLERS: { [N in JobName]: Handler<N> } = {
  [JOBS.sendNotification]: (data) => sendNotification(db(), data.notificationId),
  [JOBS.moderateListing]: (data) => moderateListing(data.productId),
  [JOBS.processUpload]: (data) => processUpload(data.uploadId),
  [JOBS.expireReservations]: () => expireReservations(),
  [JOBS.autoConfirmDeliveries]: () => autoConfirmDeliveries(),
  // A release that cannot run is parked on the order (and retried), not thrown away.
  [JOBS.releaseEscrow]: (data) => retryRelease(data.orderId),
  [JOBS.sweepParkedReleases]: () => sweepParkedReleases(),
  [JOBS.refundLatePayment]: (data) => refundLatePayment(data.orderId),
  [JOBS.settlePayout]: (data) => settlePayout(data),
  [JOBS.dailyPayouts]: () => runDailyPayouts(),
  [JOBS.aggregateReviews]: (data) => aggregateReviews(data),
  [JOBS.searchIndex]: () => runSearchIndexer({ durationMs: SEARCH_INDEXER_RUN_MS }),
  [JOBS.searchMaintenance]: () => refreshSearchStats(),
  [JOBS.syncGateStock]: (data) => syncGateStock({ productIds: data.productIds }),
  [JOBS.reconcileFlashGates]: () => reconcileFlashGates(),
  [JOBS.issueReturnLabel]: (data) => issueReturnLabel(data.returnId),
  [JOBS.pollReturnTracking]: () => pollReturnTracking(),
  [JOBS.refundReturn]: (data) => refundReturn(data.returnId),
  [JOBS.autoRefundReturns]: () => autoRefundReturns(),
};

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
];

export async function runJobs<N extends JobName>(name: N, jobs: PgBoss.Job<JobPayloads[N]>[]): Promise<void> {
  const handler = JOB_HANDLERS[name] as Handler<N>;
  for (const job of jobs) await handler(job.data);
}
