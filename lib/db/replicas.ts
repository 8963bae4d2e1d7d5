import "server-only";

import { readReplicas } from "@prisma/extension-read-replicas";

import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";

import { createPrismaClient, db } from "./client";

// The streaming replicas of DATABASE_URL named by DATABASE_REPLICA_URLS, and which of them may
// serve reads right now. docs/ARCHITECTURE.md ("Read replicas") has the rules; in short:
// - a replica serves reads only while it is reachable, still a standby, and has replayed
//   everything the primary had written DATABASE_REPLICA_MAX_LAG_MS ago (a probe compares WAL
//   positions every second: the primary's pg_current_wal_insert_lsn() against the replica's
//   pg_last_wal_replay_lsn(); LSNs, not clocks, so an idle primary never looks "behind");
// - a write that waited for the replicas (awaitReplicas) and timed out pins the laggards off
//   until they have replayed that write;
// - none usable: the caller reads the primary.
//
// @prisma/extension-read-replicas (0.5, the first for Prisma 7) takes ready PrismaClient
// instances, so each replica is a client with its own @prisma/adapter-pg pool, like the
// primary's. It works with the adapter (the replica tier checks it: lib/db/replicas.replica.test.ts).
// It is used for what it does well, picking a replica behind `$replica()`; it is not put on
// db(): its default sends every findMany to a replica, auth and orders included, and it knows
// nothing of lag or a replica that is down. So it extends the primary over the replicas usable
// now, rebuilt when that set changes, and only code that asks for readDb() reaches a replica.

type Replica = {
  name: string;
  client: PrismaClient;
  replayLsn: bigint | null;
  /** Not usable until it has replayed this far (a write it did not catch up with in time). */
  pinnedLsn: bigint;
  usable: boolean;
  problem: string | null;
};

export type ReplicaStatus = { name: string; usable: boolean; replayLsn: string | null; problem: string | null };

export type ReplicaSet = {
  /** A usable replica's client, picked by the extension; null when none is usable now. */
  pick(): PrismaClient | null;
  /** Re-reads every replica's position now (the timer does it every second). */
  probe(): Promise<void>;
  /** Until every usable replica has replayed what the primary has written so far; false on timeout. */
  catchUp(timeoutMs: number): Promise<boolean>;
  status(): ReplicaStatus[];
  close(): Promise<void>;
};

const POOL_PER_REPLICA = 10;

const lsn = (text: string): bigint => {
  const [hi, lo] = text.split("/");
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
};
const lsnText = (v: bigint): string =>
  `${(v >> 32n).toString(16).toUpperCase()}/${(v & 0xffffffffn).toString(16).toUpperCase()}`;

/** A URL without its password, for logs and status. */
const nameOf = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "replica";
  }
};

function createReplicaSet(urls: string[], maxLagMs: number): ReplicaSet {
  const replicas: Replica[] = urls.map((url) => ({
    name: nameOf(url),
    client: createPrismaClient(url, POOL_PER_REPLICA),
    replayLsn: null,
    pinnedLsn: 0n,
    usable: false,
    problem: "not probed yet",
  }));
  // The primary's write position over the last maxLag (oldest first), one sample per probe.
  const samples: { at: number; lsn: bigint }[] = [];
  let routed: { key: string; client: { $replica(): unknown } | null } = { key: "", client: null };

  const primaryLsn = async (): Promise<bigint> => {
    const rows = await db().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_insert_lsn()::text AS lsn`;
    return lsn(rows[0].lsn);
  };

  const readReplica = async (r: Replica): Promise<void> => {
    try {
      const rows = await r.client.$queryRaw<{ standby: boolean; replay: string | null }[]>`
        SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay`;
      const row = rows[0];
      if (!row.standby || row.replay === null) {
        r.replayLsn = null;
        r.problem = "not a standby (promoted?)";
      } else {
        r.replayLsn = lsn(row.replay);
        r.problem = null;
      }
    } catch (err) {
      r.replayLsn = null;
      r.problem = `unreachable: ${(err as Error).message.split("\n")[0]}`;
    }
  };

  const decide = () => {
    // What the primary had written maxLag ago (or, early on, at the first probe).
    const horizon = Date.now() - maxLagMs;
    let required = samples[0]?.lsn ?? 0n;
    for (const s of samples) if (s.at <= horizon) required = s.lsn;
    for (const r of replicas) {
      const was = r.usable;
      const need = required > r.pinnedLsn ? required : r.pinnedLsn;
      r.usable = r.replayLsn !== null && r.replayLsn >= need;
      if (r.usable) r.pinnedLsn = 0n;
      else if (r.replayLsn !== null) r.problem = `behind: replayed ${lsnText(r.replayLsn)}, needs ${lsnText(need)}`;
      if (was === r.usable) continue;
      if (r.usable) logger.info({ replica: r.name }, "replica serving reads");
      else logger.warn({ replica: r.name, problem: r.problem }, "replica taken off reads");
    }
  };

  const probe = async () => {
    try {
      samples.push({ at: Date.now(), lsn: await primaryLsn() });
    } catch (err) {
      logger.warn({ err }, "replica probe could not read the primary's WAL position");
    }
    const keepAfter = Date.now() - maxLagMs * 2 - 2000;
    while (samples.length > 1 && samples[1].at < keepAfter) samples.shift();
    await Promise.all(replicas.map(readReplica));
    decide();
  };

  const timer = setInterval(() => void probe(), Math.min(1000, Math.max(50, Math.floor(maxLagMs / 2))));
  timer.unref();
  void probe();

  return {
    pick() {
      const usable = replicas.filter((r) => r.usable);
      if (usable.length === 0) return null;
      const key = usable.map((r) => r.name).join(",");
      if (routed.key !== key) {
        routed = { key, client: db().$extends(readReplicas({ replicas: usable.map((r) => r.client) })) };
      }
      // The extension returns one of the replica clients as they are: a PrismaClient.
      return routed.client!.$replica() as PrismaClient;
    },
    probe,
    async catchUp(timeoutMs) {
      const target = await primaryLsn();
      // One not serving reads now must have this write before it may again: it could come
      // back within the lag bound yet without it, and a page rebuilt from it would be stale.
      for (const r of replicas) if (!r.usable && r.pinnedLsn < target) r.pinnedLsn = target;
      const deadline = Date.now() + timeoutMs;
      let waiting = replicas.filter((r) => r.usable);
      for (;;) {
        await Promise.all(waiting.map(readReplica));
        waiting = waiting.filter((r) => r.replayLsn === null || r.replayLsn < target);
        if (waiting.length === 0) return true;
        if (Date.now() >= deadline) break;
        await new Promise((ok) => setTimeout(ok, 5));
      }
      // Off reads until they have this write.
      for (const r of waiting) if (r.pinnedLsn < target) r.pinnedLsn = target;
      decide();
      return false;
    },
    status: () =>
      replicas.map((r) => ({
        name: r.name,
        usable: r.usable,
        replayLsn: r.replayLsn === null ? null : lsnText(r.replayLsn),
        problem: r.problem,
      })),
    async close() {
      clearInterval(timer);
      await Promise.all(replicas.map((r) => r.client.$disconnect()));
    },
  };
}

const globalForReplicas = globalThis as unknown as { replicaSet?: { key: string; set: ReplicaSet } };

/** The configured replicas (one set per process, kept across hot reloads), or null when there are none. */
export function replicaSet(): ReplicaSet | null {
  const { DATABASE_REPLICA_URLS: urls, DATABASE_REPLICA_MAX_LAG_MS: maxLag } = env();
  if (urls.length === 0) return null;
  const key = `${urls.join(",")}|${maxLag}`;
  if (globalForReplicas.replicaSet?.key !== key) {
    void globalForReplicas.replicaSet?.set.close();
    globalForReplicas.replicaSet = { key, set: createReplicaSet(urls, maxLag) };
  }
  return globalForReplicas.replicaSet.set;
}
