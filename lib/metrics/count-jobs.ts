import "server-only";

import { db } from "@/lib/db/client";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";

export type JobCount = { queue: string; state: string; count: number };

/**
 * Jobs by queue and state, straight from pg-boss's table: every worker's and web process's jobs
 * in one answer. Completed and failed jobs stay in that table until pg-boss archives them, so
 * `failed` counts the failures of the last days, not since the beginning.
 */
export async function countJobs(): Promise<JobCount[]> {
  const rows = await db().$queryRawUnsafe<{ queue: string; state: string; count: bigint }[]>(
    `SELECT name AS queue, state::text AS state, count(*) AS count FROM ${BOSS_SCHEMA}.job GROUP BY name, state`,
  );
  return rows.map((r) => ({ queue: r.queue, state: r.state, count: Number(r.count) }));
}
