import PgBoss from "pg-boss";

import { BOSS_SCHEMA } from "@/lib/jobs/boss";
import { JOBS, type JobName } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";

import { CRON_SCHEDULES } from "./cron";
import { JOB_HANDLERS, runJobs } from "./handlers";

/** Starts pg-boss with maintenance and cron, and works every queue. Returns a graceful stop. */
export async function startWorker(opts: {
  connectionString: string;
  pollingIntervalSeconds?: number;
}): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: BOSS_SCHEMA,
    supervise: true,
    schedule: true,
    migrate: true,
    max: 5,
  });
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  for (const name of Object.keys(JOB_HANDLERS) as JobName[]) {
    await boss.work(name, { batchSize: 5, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async (jobs) => {
      await runJobs(name, jobs as never);
    });
  }
  for (const [name, cron, data] of CRON_SCHEDULES) await boss.schedule(name, cron, data);
  // Start indexing now rather than at the next minute's cron tick.
  await boss.send(JOBS.searchIndex, {});
  logger.info({ queues: Object.keys(JOB_HANDLERS) }, "worker started");
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
