// `npm run bench:product -- --url http://localhost:3300 --duration 20 --connections 50`:
// load-tests the product page and the product API of a running marketplace with autocannon
// and prints p50/p95/p99 latency and requests/s for each, with the machine it ran on.
//
// Product ids come from the marketplace's database (DATABASE_URL, else the embedded
// PostgreSQL of --data-dir): a random pool of live listings, so the listing cache sees a
// realistic spread of hits and misses, plus one hot id that every request asks for. Each
// scenario gets a warm-up on other ids first (JIT, connection pools), then the measured run.
// Only loopback targets are accepted: this is a local benchmark, not a load generator.
//
//   --url URL          the marketplace (default http://localhost:3300)
//   --duration S       seconds per measured scenario (default 20)
//   --connections C    concurrent connections (default 50)
//   --pool N           distinct product ids in the random pool (default 1000)
//   --warmup S         seconds of warm-up per scenario (default 5; 0 for none)
//   --only LIST        comma-separated scenarios: page-pool,page-hot,api-pool,api-hot
//   --data-dir DIR     where the embedded PostgreSQL lives (default DATA_DIR or .data)
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem, type as osType, release } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { EventEmitter } from "node:events";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/services/embedded-postgres";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3300" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    pool: { type: "string", default: "1000" },
    warmup: { type: "string", default: "5" },
    only: { type: "string" },
    "data-dir": { type: "string" },
  },
});

const say = (line: string) => console.log(`[bench:product] ${line}`);
function fail(message: string): never {
  console.error(`[bench:product] ${message}`);
  process.exit(1);
}
function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${flag} must be a whole number from ${min} to ${max}, got "${value}".`);
  return n;
}

const base = (() => {
  let u: URL;
  try {
    u = new URL(args.url);
  } catch {
    fail(`--url is not a URL: "${args.url}"`);
  }
  if (!["localhost", "127.0.0.1", "[::1]"].includes(u.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(u.hostname)) fail(`--url must point at this machine (localhost / 127.0.0.1 / [::1]), got ${u.hostname}.`);
  return u.origin;
})();
const DURATION = wholeNumber("duration", args.duration, 1, 600);
const CONNECTIONS = wholeNumber("connections", args.connections, 1, 1000);
const POOL = wholeNumber("pool", args.pool, 1, 100_000);
const WARMUP = wholeNumber("warmup", args.warmup, 0, 120);

// ───────────────────────────── autocannon (no bundled types) ─────────────────────────────

type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AcOptions = { url: string; connections: number; duration: number; timeout?: number; requests?: (AcRequest & { setupRequest?: (req: AcRequest) => AcRequest })[] };
type AcResult = { requests: { total: number; average: number }; duration: number; errors: number; timeouts: number; non2xx: number; statusCodeStats: Record<string, { count: number }>; throughput: { total: number } };
type AcInstance = EventEmitter & PromiseLike<AcResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AcOptions) => AcInstance;

// ───────────────────────────── database ─────────────────────────────

async function openDatabase(): Promise<{ client: pg.Client; close: () => Promise<void> }> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = resolve(args["data-dir"] ?? process.env.DATA_DIR ?? ".data");
    const configFile = join(dataDir, "local-config.json");
    const local = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, string>) : {};
    const server = await startEmbeddedPostgres({ dataDir: join(dataDir, "postgres"), database: "marketplace", port: Number(local.PG_PORT ?? 54320) });
    url = server.url;
    stop = server.stop;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    client,
    close: async () => {
      await client.end().catch(() => {});
      await stop();
    },
  };
}

/** A random sample of live listings (active product, active shop, active owner). */
async function sampleProductIds(client: pg.Client, count: number): Promise<string[]> {
  const [{ n }] = (await client.query<{ n: number }>(`SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'products'::regclass`)).rows;
  const percent = Math.min(100, ((count * 4) / Math.max(n, 1)) * 100);
  const rows = await client.query<{ id: string }>(
    `SELECT p.id::text FROM products p TABLESAMPLE BERNOULLI ($1)
       JOIN seller_profiles s ON s.id = p.seller_id JOIN users u ON u.id = s.user_id
      WHERE p.status = 'active' AND s.status = 'active' AND u.status = 'active'
      ORDER BY random() LIMIT $2`,
    [percent, count],
  );
  return rows.rows.map((r) => r.id);
}

// ───────────────────────────── measuring ─────────────────────────────

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

type Scenario = { name: string; label: string; paths: () => string };
type Outcome = { scenario: Scenario; requests: number; rps: number; p50: number; p95: number; p99: number; max: number; non2xx: number; errors: number; timeouts: number; kbPerResponse: number; codes: string };

async function fire(paths: () => string, seconds: number, record?: (ms: number) => void): Promise<AcResult> {
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
  if (record) instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => record(ms));
  return instance;
}

async function runScenario(scenario: Scenario, warmupPaths: () => string): Promise<Outcome> {
  if (WARMUP > 0) {
    say(`${scenario.label}: warming up for ${WARMUP} s…`);
    await fire(warmupPaths, WARMUP);
  }
  say(`${scenario.label}: measuring for ${DURATION} s with ${CONNECTIONS} connections…`);
  const latencies: number[] = [];
  const result = await fire(scenario.paths, DURATION, (ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  const codes = Object.entries(result.statusCodeStats)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(" ");
  return {
    scenario,
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || DURATION),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    kbPerResponse: result.requests.total ? result.throughput.total / result.requests.total / 1024 : 0,
    codes,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r, i) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ") + (i === 0 ? `\n${widths.map((w) => "-".repeat(w)).join("  ")}` : "")).join("\n");
}

function machine(): string[] {
  const cpu = cpus();
  const la = loadavg().map((x) => x.toFixed(2)).join(" ");
  return [
    `machine: ${cpu.length} CPU cores (${cpu[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), ${osType()} ${release()}, Node ${process.versions.node}`,
    `load average now: ${la} (the load generator shares this machine with the server)`,
  ];
}

async function main() {
  const health = await fetch(`${base}/api/health`).catch((err: Error) => fail(`${base} does not answer (${err.message}); start it first (npm start / scripts/start.ts).`));
  if (!health.ok) fail(`${base}/api/health answered ${health.status}`);

  const db = await openDatabase();
  let ids: string[];
  let warmIds: string[];
  let total: number;
  try {
    total = Number((await db.client.query<{ n: string }>(`SELECT count(*)::text AS n FROM products`)).rows[0].n);
    const sample = await sampleProductIds(db.client, POOL + 200);
    if (sample.length < 2) fail("the database has no live products; seed some first (npm run seed:catalog -- --products N).");
    ids = sample.slice(0, Math.min(POOL, sample.length - 1));
    warmIds = sample.slice(ids.length);
  } finally {
    await db.close();
  }
  const hot = ids[0];
  const check = await fetch(`${base}/api/v1/products/${hot}`);
  if (check.status !== 200) fail(`GET /api/v1/products/${hot} answered ${check.status}; is --url the marketplace whose database this is?`);

  for (const line of machine()) say(line);
  say(`${total.toLocaleString("en-US")} products in the database; random pool of ${ids.length} ids, hot id ${hot}`);

  const rnd = (list: string[]) => () => list[Math.floor(Math.random() * list.length)];
  const scenarios: (Scenario & { warm: () => string })[] = [
    { name: "page-pool", label: "product page, random id of pool", paths: () => `/products/${rnd(ids)()}`, warm: () => `/products/${rnd(warmIds)()}` },
    { name: "page-hot", label: "product page, one hot id", paths: () => `/products/${hot}`, warm: () => `/products/${rnd(warmIds)()}` },
    { name: "api-pool", label: "GET /api/v1/products/{id}, random id of pool", paths: () => `/api/v1/products/${rnd(ids)()}`, warm: () => `/api/v1/products/${rnd(warmIds)()}` },
    { name: "api-hot", label: "GET /api/v1/products/{id}, one hot id", paths: () => `/api/v1/products/${hot}`, warm: () => `/api/v1/products/${rnd(warmIds)()}` },
  ];
  const only = args.only?.split(",").map((s) => s.trim());
  const chosen = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  if (chosen.length === 0) fail(`--only names none of: ${scenarios.map((s) => s.name).join(", ")}`);

  const outcomes: Outcome[] = [];
  for (const s of chosen) outcomes.push(await runScenario(s, s.warm));

  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");
  console.log("");
  console.log(
    table([
      ["scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests", "non-2xx", "errors", "KiB/resp"],
      ...outcomes.map((o) => [o.scenario.label, o.rps.toFixed(1), ms(o.p50), ms(o.p95), ms(o.p99), ms(o.max), String(o.requests), String(o.non2xx), String(o.errors + o.timeouts), o.kbPerResponse.toFixed(1)]),
    ]),
  );
  console.log("");
  for (const o of outcomes) if (o.non2xx > 0 || o.errors > 0) say(`${o.scenario.name}: status codes ${o.codes}; errors ${o.errors}, timeouts ${o.timeouts}`);
  for (const line of machine()) say(line);
  say(`${DURATION} s per scenario, ${CONNECTIONS} connections, ${WARMUP} s warm-up on other ids; target ${base}`);
}

main().catch((err) => {
  console.error(`[bench:product] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
