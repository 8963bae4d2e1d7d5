import "server-only";

import PgBoss from "pg-boss";

import { env } from "@/lib/env";

import { DEFAULT_RETRY, JOBS } from "./queues";

export const BOSS_SCHEMA = "pgboss";

/** Installs or upgrades pg-boss's own tables and creates every queue; run at start-up after migrations. */
export async function installJobQueue(connectionString: string): Promise<void> {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: true,
    max: 2,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(JOBS)) {
      const existing = await boss.getQueue(name);
      if (!existing) await boss.createQueue(name, { name, ...DEFAULT_RETRY });
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

/** A send-only client for web processes: no maintenance, no cron, no workers. */
export function senderBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      schema: BOSS_SCHEMA,
      supervise: false,
      schedule: false,
      migrate: false,
      max: 3,
    });
    boss.on("error", () => {});
    await boss.start();
    return boss;
  })();
  return globalForBoss.boss;
}
