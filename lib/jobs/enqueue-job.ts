import type PgBoss from "pg-boss";

import type { Tx } from "@/lib/db/client";

import { senderBoss } from "./boss";
import type { JobName, JobPayloads } from "./queues";

/**
 * Queues a job. Given a transaction, the job row is written in it, so the job exists
 * exactly when the change that caused it commits (no lost or phantom jobs).
 */
export async function enqueueJob<N extends JobName>(opts: {
  name: N;
  data: JobPayloads[N];
  tx?: Tx;
  options?: PgBoss.SendOptions;
}): Promise<string | null> {
  const boss = await senderBoss();
  const tx = opts.tx;
  const db: PgBoss.Db | undefined = tx
    ? { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) }
    : undefined;
  return boss.send(opts.name, opts.data as object, { ...opts.options, ...(db ? { db } : {}) });
}
