// After test/setup-file.ts gave this file its own database on the primary: the same database
// on the replica as DATABASE_REPLICA_URLS, once the replica has replayed its creation.
import pg from "pg";
import { inject } from "vitest";

const replicaAdminUrl = inject("pgReplicaAdminUrl");
const replicaUrl = new URL(replicaAdminUrl);
replicaUrl.pathname = new URL(process.env.DATABASE_URL!).pathname;
process.env.DATABASE_REPLICA_URLS = replicaUrl.toString();
// Short, so a lagging replica is taken off reads quickly; long enough that a read a moment
// after a write still goes to the replica on a busy machine.
process.env.DATABASE_REPLICA_MAX_LAG_MS ??= "1500";

const primary = new pg.Client({ connectionString: process.env.DATABASE_URL });
const replica = new pg.Client({ connectionString: replicaAdminUrl });
await Promise.all([primary.connect(), replica.connect()]);
try {
  const { rows } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn");
  // A run stopped while a test had replay paused leaves it paused.
  await replica.query("SELECT pg_wal_replay_resume()");
  for (let waited = 0; ; waited += 20) {
    const r = await replica.query<{ ok: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [
      rows[0].lsn,
    ]);
    if (r.rows[0].ok) break;
    if (waited > 60_000) throw new Error(`the replica has not replayed ${rows[0].lsn} after 60 s`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
} finally {
  await Promise.all([primary.end(), replica.end()]);
}
