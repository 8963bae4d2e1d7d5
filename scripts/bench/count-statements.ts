// `npm run bench:statements -- reset` then `npm run bench:statements -- report --per N`:
// SQL statements per request, from pg_stat_statements, a figure that does not depend on how
// busy the machine is (latencies do). Between the two, send N requests (curl, a bench
// script); the report divides the calls of every statement by N and lists them, busiest
// first. Stop the worker first (it polls queues and drains the outbox on the same database),
// or its statements are counted too; pg-boss's own are left out either way.
//
// Needs pg_stat_statements loaded (shared_preload_libraries = 'pg_stat_statements', which
// needs a restart of PostgreSQL); `reset` creates the extension when it is missing.
//
//   reset | report       what to do
//   --per N            requests sent between reset and report (report; default 1)
//   --top K            statements listed (default 25)
//   --data-dir DIR     where the embedded PostgreSQL lives (default DATA_DIR or .data)
import { parseArgs } from "node:util";

import { benchCli, openDatabase, table } from "./support";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    per: { type: "string", default: "1" },
    top: { type: "string", default: "25" },
    "data-dir": { type: "string" },
  },
});

const { say, fail, wholeNumber } = benchCli("bench:statements");
const action = positionals[0];
if (action !== "reset" && action !== "report") fail('say "reset" or "report" (see the top of this file)');
const per = wholeNumber("per", args.per, 1, 10_000_000);
const top = wholeNumber("top", args.top, 1, 1000);

// Statements that are the request's own work, not bookkeeping.
// Only statements sent by a client (toplevel): the foreign-key checks and the statements of
// SQL functions that PostgreSQL runs inside them are not round trips.
const COUNTED = `toplevel AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%pgboss.%' AND query NOT ILIKE '%pg_settings%'`;

async function main() {
  const db = await openDatabase(args["data-dir"]);
  try {
    const loaded = await db.client.query(
      `SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting ~ 'pg_stat_statements'`,
    );
    if (loaded.rowCount === 0)
      fail(
        "pg_stat_statements is not loaded: add shared_preload_libraries = 'pg_stat_statements' to postgresql.auto.conf and restart",
      );
    if (action === "reset") {
      await db.client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      await db.client.query("SELECT pg_stat_statements_reset()");
      say("counters reset; send the requests, then run `report --per N`");
      return;
    }
    const rows = (
      await db.client.query<{ calls: string; rows: string; ms: number; query: string }>(
        `SELECT calls::text, rows::text, total_exec_time AS ms, regexp_replace(query, '\\s+', ' ', 'g') AS query
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND ${COUNTED}
          ORDER BY calls DESC, total_exec_time DESC`,
      )
    ).rows;
    const calls = rows.reduce((n, r) => n + Number(r.calls), 0);
    const ms = rows.reduce((n, r) => n + r.ms, 0);
    say(
      `${(calls / per).toFixed(2)} statements per request (${calls} over ${per}), ${(ms / per).toFixed(2)} ms of SQL per request`,
    );
    console.log(
      table([
        ["per request", "ms each", "statement"],
        ...rows
          .slice(0, top)
          .map((r) => [
            (Number(r.calls) / per).toFixed(2),
            (r.ms / Number(r.calls)).toFixed(2),
            r.query.length > 140 ? `${r.query.slice(0, 137)}...` : r.query,
          ]),
      ]),
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => fail((err as Error).message));
