// `npm run bench:product -- --url http://localhost:3300 --duration 20 --connections 50`:
// load-tests the product page, the product API and the category pages of a running marketplace
// with autocannon and prints p50/p95/p99 latency and requests/s for each, with the machine it ran on.
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
//   --only LIST        comma-separated scenarios: page-pool,page-hot,floor-static,floor-health,api-pool,api-hot,
//                      category (a random category, sort order and page of 1-20 each request)
//   --data-dir DIR     where the embedded PostgreSQL lives (default DATA_DIR or .data)
import type { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

import type pg from "pg";

import { benchCli, machineLine, ms, openDatabase, percentile, recordResult, table } from "./support";

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

const { say, fail, wholeNumber, loopbackOrigin, requireHealthy, crash } = benchCli("bench:product");
const base = loopbackOrigin(args.url);
const DURATION = wholeNumber("duration", args.duration, 1, 600);
const CONNECTIONS = wholeNumber("connections", args.connections, 1, 1000);
const POOL = wholeNumber("pool", args.pool, 1, 100_000);
const WARMUP = wholeNumber("warmup", args.warmup, 0, 120);

// ───────────────────────────── autocannon (no bundled types) ─────────────────────────────

type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AcOptions = {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests?: (AcRequest & { setupRequest?: (req: AcRequest) => AcRequest })[];
};
type AcResult = {
  requests: { total: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  throughput: { total: number };
};
type AcInstance = EventEmitter & PromiseLike<AcResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AcOptions) => AcInstance;

// ───────────────────────────── database ─────────────────────────────

/** A random sample of live listings (active product, active shop, active owner). */
async function sampleProductIds(client: pg.Client, count: number): Promise<string[]> {
  const [{ n }] = (
    await client.query<{ n: number }>(
      `SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'products'::regclass`,
    )
  ).rows;
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

type Scenario = { name: string; label: string; paths: () => string };
type Outcome = {
  scenario: Scenario;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  kbPerResponse: number;
  codes: string;
};

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

async function main() {
  await requireHealthy(base);

  const db = await openDatabase(args["data-dir"]);
  let ids: string[];
  let warmIds: string[];
  let total: number;
  let categoryPaths: string[];
  try {
    categoryPaths = (await db.client.query<{ path: string }>(`SELECT path FROM categories`)).rows.map((r) => r.path);
    total = Number((await db.client.query<{ n: string }>(`SELECT count(*)::text AS n FROM products`)).rows[0].n);
    const sample = await sampleProductIds(db.client, POOL + 200);
    if (sample.length < 2)
      fail("the database has no live products; seed some first (npm run seed:catalog -- --products N).");
    ids = sample.slice(0, Math.min(POOL, sample.length - 1));
    warmIds = sample.slice(ids.length);
  } finally {
    await db.close();
  }
  const hot = ids[0];
  const check = await fetch(`${base}/api/v1/products/${hot}`);
  if (check.status !== 200)
    fail(`GET /api/v1/products/${hot} answered ${check.status}; is --url the marketplace whose database this is?`);

  say(machineLine());
  say(`${total.toLocaleString("en-US")} products in the database; random pool of ${ids.length} ids, hot id ${hot}`);

  const rnd = (list: string[]) => () => list[Math.floor(Math.random() * list.length)];
  const scenarios: (Scenario & { warm: () => string })[] = [
    {
      name: "page-pool",
      label: "product page, random id of pool",
      paths: () => `/products/${rnd(ids)()}`,
      warm: () => `/products/${rnd(warmIds)()}`,
    },
    {
      name: "page-hot",
      label: "product page, one hot id",
      paths: () => `/products/${hot}`,
      warm: () => `/products/${rnd(warmIds)()}`,
    },
    {
      name: "api-pool",
      label: "GET /api/v1/products/{id}, random id of pool",
      paths: () => `/api/v1/products/${rnd(ids)()}`,
      warm: () => `/api/v1/products/${rnd(warmIds)()}`,
    },
    // Floors measured in the same run, on the same machine: what the server answers with no
    // product work at all (the signed-out home page, served from the page cache like a
    // cached product page, and the trivial health route).
    {
      name: "floor-static",
      label: "floor: home page from the page cache",
      paths: () => "/",
      warm: () => "/",
    },
    {
      name: "floor-health",
      label: "floor: GET /api/health",
      paths: () => "/api/health",
      warm: () => "/api/health",
    },
    // Category pages are not cached: each one counts and sorts the category's live listings.
    {
      name: "category",
      label: "category page, random category, sort and page 1-20",
      paths: () => {
        const sort = ["newest", "price_asc", "price_desc", "rating"][Math.floor(Math.random() * 4)];
        return `/c/${rnd(categoryPaths)()}?sort=${sort}&page=${1 + Math.floor(Math.random() * 20)}`;
      },
      warm: () => `/c/${rnd(categoryPaths)()}`,
    },
    {
      name: "api-hot",
      label: "GET /api/v1/products/{id}, one hot id",
      paths: () => `/api/v1/products/${hot}`,
      warm: () => `/api/v1/products/${rnd(warmIds)()}`,
    },
  ];
  const only = args.only?.split(",").map((s) => s.trim());
  const chosen = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  if (chosen.length === 0) fail(`--only names none of: ${scenarios.map((s) => s.name).join(", ")}`);

  const outcomes: Outcome[] = [];
  for (const s of chosen) outcomes.push(await runScenario(s, s.warm));
  for (const o of outcomes)
    recordResult({
      bench: "bench:product",
      measure: `${o.scenario.label}, ${CONNECTIONS} conn`,
      n: o.requests,
      p50: o.p50,
      p95: o.p95,
      p99: o.p99,
      rate: o.rps,
      unit: "req/s",
      note: o.non2xx || o.errors || o.timeouts ? `${o.codes}; errors ${o.errors}, timeouts ${o.timeouts}` : undefined,
    });

  console.log("");
  console.log(
    table([
      ["scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests", "non-2xx", "errors", "KiB/resp"],
      ...outcomes.map((o) => [
        o.scenario.label,
        o.rps.toFixed(1),
        ms(o.p50),
        ms(o.p95),
        ms(o.p99),
        ms(o.max),
        String(o.requests),
        String(o.non2xx),
        String(o.errors + o.timeouts),
        o.kbPerResponse.toFixed(1),
      ]),
    ]),
  );
  console.log("");
  for (const o of outcomes)
    if (o.non2xx > 0 || o.errors > 0)
      say(`${o.scenario.name}: status codes ${o.codes}; errors ${o.errors}, timeouts ${o.timeouts}`);
  say(machineLine());
  say(`${DURATION} s per scenario, ${CONNECTIONS} connections, ${WARMUP} s warm-up on other ids; target ${base}`);
}

main().catch(crash);
