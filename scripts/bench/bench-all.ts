// `npm run bench:all -- --url http://localhost:3241 --data-dir /work/bench/mine`: every hot path
// of issue #14 beside its floor, measured in one run against a running marketplace, and one
// table of them all at the end (also written as JSON lines to --out).
//
// Floors (what the machine does with no application work, measured in the same run):
//   - a page from the page cache (the signed-out home page) and GET /api/health, 50 connections
//     (bench:product --only floor-static,floor-health);
//   - the checkout's own SQL replayed by pgbench at 10 clients (claim the Idempotency-Key, write
//     checkout + order + item + status change + event in one statement, reserve the stock with
//     its adjustment and event; what POST /orders sends inside its transaction, see
//     lib/orders/create-orders-and-reserve.ts and lib/inventory/adjust-inventory.ts);
//   - the flash-sale gate's Lua script (DECRBY, put back when below zero) in redis-benchmark at
//     50 connections, on the marketplace's own redis-server.
// Paths: bench:product (random ids of a 20,000-id pool, 50 connections), bench:search (mixed
// load, 16 connections), bench:checkout steady (10 workers), paid (10 workers) and flash (10,000
// buyers for 100 units). Each bench script measures and reports its own figures (recordResult
// in support.ts); this runner only starts them in turn, samples the load average meanwhile
// (the machine is shared: the load generator and other people's work run beside the server),
// and tabulates. Writes: buyers, orders and pgbench's rows go into the data dir's database,
// so point it at a copy made for benchmarking, never at a database you care about.
//
//   --url URL         the marketplace (default http://localhost:3300)
//   --data-dir DIR    its data dir (embedded PostgreSQL, local-config.json, redis-server)
//   --duration S      seconds per measured part (default 20)
//   --only LIST       comma-separated steps: floor-http,product,search,checkout,floor-pgbench,paid,flash,floor-redis
//   --redis-port N    the marketplace's redis-server (default: found from the data dir's redis dir)
//   --label TEXT      a name for this run in the table and the JSON lines (e.g. "1M")
//   --out FILE        JSON lines of every figure (default .data/bench-results/<time>.jsonl)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { benchCli, machineLine, ms, percentile, recordResult, table, type BenchResult } from "./support";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3300" },
    "data-dir": { type: "string" },
    duration: { type: "string", default: "20" },
    only: { type: "string" },
    "redis-port": { type: "string" },
    label: { type: "string", default: "" },
    out: { type: "string" },
  },
});

const { say, fail, wholeNumber, loopbackOrigin, requireHealthy, crash } = benchCli("bench:all");
const base = loopbackOrigin(args.url);
const DURATION = wholeNumber("duration", args.duration, 1, 600);
if (!args["data-dir"]) fail("--data-dir is required (the data dir of the running marketplace)");
const dataDir = resolve(args["data-dir"]!);
const STEPS = ["floor-http", "product", "search", "checkout", "floor-pgbench", "paid", "flash", "floor-redis"] as const;
type Step = (typeof STEPS)[number];
const only = args.only?.split(",").map((s) => s.trim());
for (const s of only ?? []) if (!(STEPS as readonly string[]).includes(s)) fail(`--only: unknown step "${s}"`);
const chosen = STEPS.filter((s) => !only || only.includes(s));
const out = resolve(
  args.out ?? join(".data", "bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`),
);

/** The running PostgreSQL of the data dir (its postmaster.pid names the port). */
function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const pidFile = join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) fail(`${pidFile} not found: is the marketplace of --data-dir running?`);
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  return `postgresql://postgres:postgres@127.0.0.1:${port}/marketplace`;
}

/**
 * The redis-server of the data dir (scripts/start.ts starts it with --dir <data dir>/redis):
 * redis chdirs into its --dir and retitles itself "redis-server 127.0.0.1:<port>".
 */
function redisPort(): number | null {
  if (args["redis-port"]) return wholeNumber("redis-port", args["redis-port"], 1, 65535);
  const dir = join(dataDir, "redis");
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
      const port = /^(?:\S*\/)?redis-server \S*:(\d+)/.exec(title)?.[1];
      if (port && realpathSync(`/proc/${pid}/cwd`) === realpathSync(dir)) return Number(port);
    } catch {
      continue;
    }
  }
  return null;
}

// ───────────────────────────── running a step, sampling the load ─────────────────────────────

type StepLoad = { step: Step; mean: number; max: number; seconds: number };
const loads: StepLoad[] = [];

async function sampled<T>(step: Step, run: () => Promise<T>): Promise<T> {
  const samples: number[] = [];
  const t0 = Date.now();
  const timer = setInterval(() => samples.push(loadavg()[0]), 2000);
  try {
    return await run();
  } finally {
    clearInterval(timer);
    samples.push(loadavg()[0]);
    loads.push({
      step,
      mean: samples.reduce((a, b) => a + b, 0) / samples.length,
      max: Math.max(...samples),
      seconds: (Date.now() - t0) / 1000,
    });
  }
}

/** Runs one bench script (its own output passes through) with BENCH_RESULTS set. */
function benchScript(script: string, scriptArgs: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((ok, ko) => {
    const child = spawn(process.execPath, [...process.execArgv, resolve("scripts/bench", script), ...scriptArgs], {
      stdio: "inherit",
      env: { ...process.env, ...env, BENCH_RESULTS: out },
    });
    child.on("error", ko);
    child.on("close", (code) => (code === 0 ? ok() : ko(new Error(`${script} exited with code ${code}`))));
  });
}

// ───────────────────────────── the floors pgbench and redis-benchmark measure ─────────────────────────────

const POOL_TABLE = "bench_floor_products";

/** The checkout's transaction as pgbench replays it, on products of a pool this sets up. */
async function pgbenchFloor(url: string): Promise<void> {
  if (spawnSync("pgbench", ["--version"], { stdio: "ignore" }).status !== 0) {
    say("floor-pgbench: pgbench not found (apt-get install postgresql-client); skipped");
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let buyer: { id: string; address_id: string };
  try {
    // One buyer with an address, and 200 live products with plenty of stock.
    const found = await client.query<{ id: string; address_id: string }>(
      `SELECT u.id::text, a.id::text AS address_id FROM users u JOIN addresses a ON a.user_id = u.id
        WHERE u.role = 'buyer' AND u.status = 'active' LIMIT 1`,
    );
    if (!found.rows[0]) fail("floor-pgbench: no buyer with an address; run the checkout step first (it creates them)");
    buyer = found.rows[0];
    await client.query(`DROP TABLE IF EXISTS ${POOL_TABLE}`);
    await client.query(
      `CREATE TABLE ${POOL_TABLE} AS
       SELECT row_number() OVER () AS k, p.id, p.seller_id, p.title, p.price_cents
         FROM (SELECT id, seller_id, title, price_cents FROM products WHERE status = 'active' AND NOT is_hot
                ORDER BY id DESC LIMIT 200) p`,
    );
    await client.query(`CREATE UNIQUE INDEX ON ${POOL_TABLE} (k)`);
    await client.query(`UPDATE products SET inventory_count = 1000000 WHERE id IN (SELECT id FROM ${POOL_TABLE})`);
  } finally {
    await client.end();
  }
  const script = `\\set k random(1, 200)
BEGIN;
INSERT INTO idempotency_keys (id, scope, key, request_hash) VALUES (gen_random_uuid(), 'bench-floor', gen_random_uuid()::text, 'x') ON CONFLICT (scope, key) DO NOTHING RETURNING id AS key_id \\gset
WITH p AS (SELECT * FROM ${POOL_TABLE} WHERE k = :k),
c AS (INSERT INTO checkouts (id, buyer_id, address_id, total_cents, currency, shipping_address, expires_at, created_at, updated_at)
      SELECT gen_random_uuid(), '${buyer.id}', '${buyer.address_id}', p.price_cents, 'USD', '{"city":"x"}', now() + interval '15 minutes', now(), now() FROM p RETURNING id),
o AS (INSERT INTO orders (id, checkout_id, buyer_id, seller_id, subtotal_cents, total_cents, platform_fee_cents, commission_bps, currency, shipping_address, reservation_expires_at, created_at, updated_at)
      SELECT gen_random_uuid(), c.id, '${buyer.id}', p.seller_id, p.price_cents, p.price_cents, p.price_cents / 10, 1000, 'USD', '{"city":"x"}', now() + interval '15 minutes', now(), now() FROM c, p RETURNING id),
i AS (INSERT INTO order_items (id, order_id, product_id, title_snapshot, quantity, unit_price_cents, currency)
      SELECT gen_random_uuid(), o.id, p.id, p.title, 1, p.price_cents, 'USD' FROM o, p),
t AS (INSERT INTO order_status_changes (id, order_id, to_status, actor_type, actor_id, note, created_at)
      SELECT gen_random_uuid(), o.id, 'pending', 'buyer', '${buyer.id}', 'Order placed', now() FROM o),
e AS (INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, created_at) SELECT 'order', o.id::text, 'order.created', '{}', now() FROM o)
UPDATE idempotency_keys SET response_status = 201, response_body = '{}', completed_at = now() WHERE id = :key_id;
WITH u AS (UPDATE products SET inventory_count = inventory_count - 1 WHERE id = (SELECT id FROM ${POOL_TABLE} WHERE k = :k) AND inventory_count - 1 >= 0 RETURNING id, inventory_count),
a AS (INSERT INTO inventory_adjustments (id, product_id, delta, resulting_count, reason, actor_id) SELECT gen_random_uuid(), u.id, -1, u.inventory_count, 'order_reserved', '${buyer.id}' FROM u),
e AS (INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload) SELECT 'product', u.id::text, 'product.inventory_changed', '{}' FROM u)
SELECT inventory_count FROM u;
COMMIT;
`;
  const dir = join(tmpdir(), `bench-all-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "checkout.sql");
  writeFileSync(file, script);
  const u = new URL(url);
  const res = spawnSync(
    "pgbench",
    [
      "-n",
      "-c",
      "10",
      "-j",
      "2",
      "-T",
      String(DURATION),
      "-f",
      file,
      "-l",
      "--log-prefix",
      join(dir, "log"),
      "-M",
      "prepared",
    ],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        PGHOST: u.hostname,
        PGPORT: u.port,
        PGUSER: decodeURIComponent(u.username),
        PGPASSWORD: decodeURIComponent(u.password),
        PGDATABASE: u.pathname.slice(1),
      },
    },
  );
  process.stdout.write(res.stdout ?? "");
  if (res.status !== 0) {
    process.stderr.write(res.stderr ?? "");
    fail(`pgbench exited with ${res.status}`);
  }
  // Per-transaction log lines: client, transaction, latency µs, script, epoch s, µs.
  const latencies = readdirSync(dir)
    .filter((f) => f.startsWith("log"))
    .flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => Number(l.split(" ")[2]) / 1000),
    )
    .sort((a, b) => a - b);
  const tps = Number(/tps = ([\d.]+)/.exec(res.stdout ?? "")?.[1] ?? NaN);
  rmSync(dir, { recursive: true, force: true });
  recordResult({
    bench: "bench:all",
    measure: "floor: the checkout's SQL in pgbench, 10 clients",
    n: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rate: tps,
    unit: "tx/s",
  });
  const cleanup = new pg.Client({ connectionString: url });
  await cleanup.connect();
  await cleanup.query(`DROP TABLE IF EXISTS ${POOL_TABLE}`).finally(() => cleanup.end());
}

/** lib/orders/admission-gate.ts's ADMIT script, run by redis-benchmark against a counter that never runs out. */
const ADMIT = `local v = redis.call('DECRBY', KEYS[1], ARGV[1]) if v < 0 then redis.call('INCRBY', KEYS[1], ARGV[1]) return -1 end return v`;

function redisFloor(): void {
  const port = redisPort();
  if (port === null) {
    say("floor-redis: no redis-server of this data dir found (pass --redis-port); skipped");
    return;
  }
  const key = "gate:{bench-floor}";
  spawnSync("redis-cli", ["-p", String(port), "SET", key, "1000000000000", "EX", "600"], { stdio: "ignore" });
  const requests = 200_000;
  const res = spawnSync(
    "redis-benchmark",
    ["-p", String(port), "-c", "50", "-n", String(requests), "--csv", "EVAL", ADMIT, "1", key, "1"],
    { encoding: "utf8" },
  );
  spawnSync("redis-cli", ["-p", String(port), "DEL", key], { stdio: "ignore" });
  if (res.status !== 0) fail(`redis-benchmark exited with ${res.status}: ${res.stderr}`);
  // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
  // The test's name (the script) has commas of its own: the figures are the last seven fields.
  const line = ["", ...(res.stdout ?? "").trim().split("\n").at(-1)!.replace(/"/g, "").split(",").slice(-7)];
  say(`floor-redis: ${res.stdout?.trim()}`);
  recordResult({
    bench: "bench:all",
    measure: "floor: the flash gate's Lua script in redis-benchmark, 50 conn",
    n: requests,
    p50: Number(line[4]),
    p95: Number(line[5]),
    p99: Number(line[6]),
    rate: Number(line[1]),
    unit: "calls/s",
  });
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  await requireHealthy(base);
  const url = databaseUrl();
  mkdirSync(dirname(out), { recursive: true });
  process.env.BENCH_RESULTS = out; // the floors measured here are recorded like the scripts' figures
  say(machineLine());
  say(`steps: ${chosen.join(", ")}; ${DURATION} s each; figures to ${out}`);
  const d = String(DURATION);
  const common = ["--url", base, "--data-dir", dataDir];
  const run: Record<Step, () => Promise<void>> = {
    "floor-http": () =>
      benchScript("bench-product.ts", [
        ...common,
        "--only",
        "floor-static,floor-health",
        "--duration",
        d,
        "--pool",
        "10",
      ]),
    product: () =>
      benchScript("bench-product.ts", [...common, "--only", "page-pool", "--pool", "20000", "--duration", d]),
    search: () =>
      benchScript(
        "bench-search.ts",
        ["--url", base, "--duration", d, "--connections", "16", "--per-class", "5", "--freshness", "0"],
        { DATABASE_URL: url },
      ),
    "floor-pgbench": () => pgbenchFloor(url),
    checkout: () =>
      benchScript("bench-checkout.ts", [
        ...common,
        ...["--only", "steady", "--concurrency", "10", "--buyers", "500", "--auth", "mint", "--duration", d],
      ]),
    paid: () =>
      benchScript("bench-checkout.ts", [
        ...common,
        ...["--only", "paid", "--paid-concurrency", "10", "--auth", "mint", "--paid-duration", d],
      ]),
    flash: () => benchScript("bench-checkout.ts", [...common, "--only", "flash"]),
    "floor-redis": async () => redisFloor(),
  };
  const failed: string[] = [];
  for (const step of chosen) {
    say(`── ${step} ──`);
    await sampled(step, run[step]).catch((err: Error) => {
      failed.push(`${step}: ${err.message}`);
      say(`${step} failed: ${err.message}`);
    });
  }

  const results = existsSync(out)
    ? readFileSync(out, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as BenchResult & { load: number })
    : [];
  console.log("");
  console.log(
    table([
      ["measure" + (args.label ? ` (${args.label})` : ""), "p50 ms", "p95 ms", "p99 ms", "rate", "load avg"],
      ...results.map((r) => [
        r.measure,
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        `${Number.isFinite(r.rate) ? r.rate.toFixed(1) : "-"} ${r.unit}`,
        r.load.toFixed(1),
      ]),
    ]),
  );
  console.log("");
  for (const r of results) if (r.note) say(`${r.measure}: ${r.note}`);
  say(
    `load average (1 min) per step, mean/max: ${loads.map((l) => `${l.step} ${l.mean.toFixed(1)}/${l.max.toFixed(1)}`).join(", ")}`,
  );
  writeFileSync(`${out}.loads.json`, JSON.stringify({ label: args.label, loads }, null, 2));
  say(machineLine());
  if (failed.length > 0) {
    say(`failed steps: ${failed.join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch(crash);
