import type PgBoss from "pg-boss";

import { rollUpAnalytics } from "@/lib/analytics/rollups/roll-up-analytics";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-max-age";
import { moderateListing } from "@/lib/catalog/moderate-listing";
import { db } from "@/lib/db/client";
import { refreshExchangeRates } from "@/lib/fx/refresh-exchange-rates";
import { JOBS, type JobName, type JobPayloads } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";
import { runWithRequestContext } from "@/lib/log/request-context";
import { sendNotification } from "@/lib/mail/send-notification";
import { sendDailyDigests } from "@/lib/notifications/send-daily-digests";
import { autoConfirmDeliveries } from "@/lib/orders/auto-confirm-deliveries";
import { expireReservations } from "@/lib/orders/expire-reservations";
import { reconcileFlashGates } from "@/lib/orders/reconcile-flash-gates";
import { syncGateStock } from "@/lib/orders/sync-gate-stock";
import { cancelHeldPayment } from "@/lib/payments/cancel-held-payment";
import { refundLatePayment } from "@/lib/payments/refund-late-payment";
import { retryRelease } from "@/lib/payments/retry-release";
import { sweepParkedReleases } from "@/lib/payments/sweep-parked-releases";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";
import { settlePayout } from "@/lib/payouts/settle-payout";
import { sendPushNotification } from "@/lib/push/send-push-notification";
import { computeCoPurchases } from "@/lib/recommendations/compute-co-purchases";
import { pruneOldRows } from "@/lib/retention/prune-old-rows";
import { autoRefundReturns } from "@/lib/returns/auto-refund-returns";
import { issueReturnLabel } from "@/lib/returns/issue-return-label";
import { pollReturnTracking } from "@/lib/returns/poll-return-tracking";
import { refundReturn } from "@/lib/returns/refund-return";
import { aggregateReviews } from "@/lib/reviews/ratings/aggregate-reviews";
import { refreshSearchStats } from "@/lib/search/indexing/refresh-search-stats";
import { runSearchIndexer, SEARCH_INDEXER_RUN_MS } from "@/lib/search/indexing/run-search-indexer";
import { sendSmsNotification } from "@/lib/sms/send-sms-notification";
import { processUpload } from "@/lib/uploads/process-upload";

import { dispatchDomainEvent } from "./dispatch-domain-event";

type Handler<N extends JobName> = (data: JobPayloads[N]) => Promise<unknown>;

// The job registry: one entry per queue. It lives with the worker (an edge), so lib/jobs
// imports no domain; the worker registers them all, tests call them directly.
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
  [JOBS.cancelHeldPayment]: (data) => cancelHeldPayment(data.checkoutId),
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
  [JOBS.dispatchDomainEvent]: (data) => dispatchDomainEvent(data.eventId),
  [JOBS.pruneOldRows]: () => pruneOldRows({ sessionMaxAgeSeconds: SESSION_MAX_AGE_SECONDS }),
  [JOBS.refreshExchangeRates]: async () => {
    await refreshExchangeRates();
  },
  [JOBS.rollUpAnalytics]: () => rollUpAnalytics(),
  [JOBS.sendPush]: (data) => sendPushNotification(db(), data.notificationId),
  [JOBS.sendSms]: (data) => sendSmsNotification(db(), data.notificationId),
  [JOBS.sendDailyDigests]: () => sendDailyDigests(),
  [JOBS.computeCoPurchases]: (data) => computeCoPurchases({ productIds: data.productIds }),
};

export async function runJobs<N extends JobName>(name: N, jobs: PgBoss.Job<JobPayloads[N]>[]): Promise<void> {
  const handler = JOB_HANDLERS[name] as Handler<N>;
  // The job's id stands for a request id: every line the job logs carries it.
  for (const job of jobs) {
    await runWithRequestContext({ requestId: job.id, job: name }, async () => {
      try {
        await handler(job.data);
      } catch (err) {
        // pg-boss keeps the error on the job and retries it; the log line says which job and why.
        logger.error({ err }, "job failed");
        throw err;
      }
    });
  }
}
