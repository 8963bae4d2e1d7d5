// Every background job the worker runs. Names are the pg-boss queue names.
export const JOBS = {
  sendNotification: "send-notification",
  moderateListing: "moderate-listing",
  processUpload: "process-upload",
  expireReservations: "expire-reservations",
  autoConfirmDeliveries: "auto-confirm-deliveries",
  releaseEscrow: "release-escrow",
  sweepParkedReleases: "sweep-parked-releases",
  refundLatePayment: "refund-late-payment",
  cancelHeldPayment: "cancel-held-payment",
  settlePayout: "settle-payout",
  dailyPayouts: "daily-payouts",
  aggregateReviews: "aggregate-reviews",
  searchIndex: "search-index",
  searchMaintenance: "search-maintenance",
  syncGateStock: "sync-gate-stock",
  reconcileFlashGates: "reconcile-flash-gates",
  issueReturnLabel: "issue-return-label",
  pollReturnTracking: "poll-return-tracking",
  refundReturn: "refund-return",
  autoRefundReturns: "auto-refund-returns",
  dispatchDomainEvent: "dispatch-domain-event",
  pruneOldRows: "prune-old-rows",
  refreshExchangeRates: "refresh-exchange-rates",
  rollUpAnalytics: "roll-up-analytics",
  sendPush: "send-push",
  sendSms: "send-sms",
  sendDailyDigests: "send-daily-digests",
  computeCoPurchases: "compute-co-purchases",
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

export type JobPayloads = {
  [JOBS.sendNotification]: { notificationId: string };
  [JOBS.moderateListing]: { productId: string };
  [JOBS.processUpload]: { uploadId: string };
  [JOBS.expireReservations]: Record<string, never>;
  [JOBS.autoConfirmDeliveries]: Record<string, never>;
  [JOBS.releaseEscrow]: { orderId: string };
  [JOBS.sweepParkedReleases]: Record<string, never>;
  [JOBS.refundLatePayment]: { orderId: string };
  [JOBS.cancelHeldPayment]: { checkoutId: string };
  [JOBS.settlePayout]: { stripePayoutId: string; status: string; failureMessage: string | null };
  [JOBS.dailyPayouts]: Record<string, never>;
  [JOBS.aggregateReviews]: { productId?: string; sellerId?: string };
  [JOBS.searchIndex]: Record<string, never>;
  [JOBS.searchMaintenance]: Record<string, never>;
  [JOBS.syncGateStock]: { productIds: string[] };
  [JOBS.reconcileFlashGates]: Record<string, never>;
  [JOBS.issueReturnLabel]: { returnId: string };
  [JOBS.pollReturnTracking]: Record<string, never>;
  [JOBS.refundReturn]: { returnId: string };
  [JOBS.autoRefundReturns]: Record<string, never>;
  // An outbox id (bigint, as a string) written by emitDomainEvent.
  [JOBS.dispatchDomainEvent]: { eventId: string };
  [JOBS.pruneOldRows]: Record<string, never>;
  [JOBS.refreshExchangeRates]: Record<string, never>;
  [JOBS.rollUpAnalytics]: Record<string, never>;
  // A `push` or `sms` row of the notifications table (lib/push, lib/sms).
  [JOBS.sendPush]: { notificationId: string };
  [JOBS.sendSms]: { notificationId: string };
  [JOBS.sendDailyDigests]: Record<string, never>;
  // Only the pairs of these listings (a paid checkout's); none: every pair (the nightly run).
  [JOBS.computeCoPurchases]: { productIds?: string[] };
};

// Retries with exponential backoff for every queue unless a job says otherwise.
export const DEFAULT_RETRY = { retryLimit: 6, retryDelay: 5, retryBackoff: true } as const;
