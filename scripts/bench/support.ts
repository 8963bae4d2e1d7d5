// What the benchmark scripts share: argument checks that fail with a clear message, the
// loopback-only target, the marketplace's database (DATABASE_URL, else the embedded one of a
// data dir), percentiles and a plain-text table, and a line describing the machine.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { cpus, freemem, loadavg, type as osType, release, totalmem } from "node:os";
import { join, resolve } from "node:path";

import pg from "pg";

import { startEmbeddedPostgres } from "../../dev/services/embedded-postgres";

export function benchCli(name: string) {
  const say = (line: string) => console.log(`[${name}] ${line}`);
  const fail = (message: string): never => {
    console.error(`[${name}] ${message}`);
    process.exit(1);
  };
  const wholeNumber = (flag: string, value: string, min: number, max: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      fail(`--${flag} must be a whole number from ${min} to ${max}, got "${value}".`);
    return n;
  };
  /** The target's origin; only this machine is accepted: these are local benchmarks, not load generators. */
  const loopbackOrigin = (url: string): string => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return fail(`--url is not a URL: "${url}"`);
    }
    if (!["localhost", "127.0.0.1", "[::1]"].includes(u.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(u.hostname))
      fail(`--url must point at this machine (localhost / 127.0.0.1 / [::1]), got ${u.hostname}.`);
    return u.origin;
  };
  /** Fails unless the marketplace at `base` answers its health check. */
  const requireHealthy = async (base: string): Promise<void> => {
    const health = await fetch(`${base}/api/health`).catch((err: Error) =>
      fail(`${base} does not answer (${err.message}); start it first (npm start / scripts/start.ts).`),
    );
    if (!health.ok) fail(`${base}/api/health answered ${health.status}`);
  };
  const crash = (err: unknown) => {
    console.error(`[${name}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  };
  return { say, fail, wholeNumber, loopbackOrigin, requireHealthy, crash };
}

/** The marketplace's database, and the data dir's local-config.json (secrets, ports) when there is one. */
export async function openDatabase(
  dataDirArg: string | undefined,
): Promise<{ client: pg.Client; url: string; local: Record<string, string>; close: () => Promise<void> }> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const dataDir = resolve(dataDirArg ?? process.env.DATA_DIR ?? ".data");
  const configFile = join(dataDir, "local-config.json");
  const local = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, string>) : {};
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({
      dataDir: join(dataDir, "postgres"),
      database: "marketplace",
      port: Number(local.PG_PORT ?? 54320),
    });
    url = server.url;
    stop = server.stop;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    client,
    url,
    local,
    close: async () => {
      await client.end().catch(() => {});
      await stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };
export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");

/** Rows as aligned columns, the first row a header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map(
      (r, i) =>
        r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ") +
        (i === 0 ? `\n${widths.map((w) => "-".repeat(w)).join("  ")}` : ""),
    )
    .join("\n");
}

export function machineLine(): string {
  const cpu = cpus();
  return `machine: ${cpu.length} CPU cores (${cpu[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), ${osType()} ${release()}, Node ${process.versions.node}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} (the load generator shares this machine with the server)`;
}

/** One measured figure, as `npm run bench:all` collects them. */
export type BenchResult = {
  bench: string;
  measure: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** Throughput in `unit` (req/s, orders/s, …), or NaN. */
  rate: number;
  unit: string;
  note?: string;
};

/**
 * Appends the figure as one JSON line to the file named by BENCH_RESULTS (bench:all sets it),
 * with the time and the load average, so the combined table is built from what each bench
 * script itself measured. Does nothing when BENCH_RESULTS is unset.
 */
export function recordResult(result: BenchResult): void {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ ...result, at: new Date().toISOString(), load: loadavg()[0] })}\n`);
}

/** What `npm start` wrote about its web processes (`<data dir>/web-processes.json`), or null without it. */
export type WebProcesses = { url: string; processes: { name: string; port: number; pid: number }[] };

export function readWebProcesses(dataDirArg: string | undefined): WebProcesses | null {
  const file = join(resolve(dataDirArg ?? process.env.DATA_DIR ?? ".data"), "web-processes.json");
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as WebProcesses;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) the processes have used so far, from /proc (Linux): the difference
 * over a run, divided by its requests, is the server's CPU per request, a figure the load of a
 * shared machine moves far less than latency. Processes that are gone count nothing.
 */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The fields after the command name (which may hold spaces) close with ")".
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Not running, or not Linux.
    }
  }
  return ticks / 100;
}
