import "server-only";

import { db } from "./client";
import { pendingMigrations } from "./migrate";

export type Health = {
  ok: boolean;
  database: "up" | "down";
  migrations: "current" | "pending" | "unknown";
  pending?: string[];
  error?: string;
};

export async function checkHealth(): Promise<Health> {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return { ok: false, database: "down", migrations: "unknown", error: "database unreachable" };
  }
  try {
    const pending = await pendingMigrations((sql) => db().$queryRawUnsafe<{ migration_name: string }[]>(sql));
    return pending.length
      ? { ok: false, database: "up", migrations: "pending", pending }
      : { ok: true, database: "up", migrations: "current" };
  } catch {
    return { ok: false, database: "up", migrations: "unknown", error: "migration history unreadable" };
  }
}
