import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { moderateListing } from "@/lib/catalog/moderate-listing";
import { sendNotification } from "@/lib/notifications/send-notification";
import { expireReservations } from "@/lib/orders/expire-reservations";
import { autoConfirmDeliveries } from "@/lib/orders/fulfil-order";
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
};

// Cron jobs: [queue, cron expression, data]. Later features add theirs here.
export const CRON_SCHEDULES: [JobName, string, object][] = [
  [JOBS.expireReservations, "* * * * *", {}],
  [JOBS.autoConfirmDeliveries, "17 * * * *", {}],
];

export async function runJobs<N extends JobName>(name: N, jobs: PgBoss.Job<JobPayloads[N]>[]): Promise<void> {
  const handler = JOB_HANDLERS[name] as Handler<N>;
  for (const job of jobs) await handler(job.data);
}
