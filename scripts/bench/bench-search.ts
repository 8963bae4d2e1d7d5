// `npm run bench:search`: load-tests GET /api/v1/search on a running server with a realistic
// mix of queries (common words, rare words, typos, facet filters, deep pages, browsing), and
// measures index freshness (a product update until it is visible in results).
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgresql://… npm run bench:search -- [options]
//     --url U           server to test (default BASE_URL, else http://localhost:3000)
//     --duration S      seconds of mixed load (default 30)
//     --connections C   concurrent connections (default 16)
//     --per-class N     sequential requests per query class for the per-class table (default 40)
//     --freshness N     product updates to time (default 5; needs DATABASE_URL; 0 to skip)
//     --floor S         seconds of each floor measured after the mixed load with the same
//                       connections: the home page (page cache) and /api/health (default 10; 0 to skip)
//     --seed X          query-mix seed (default 1)
//     --dry-run         print the generated query mix and exit (no server needed)
//
// Query words come from the database's search vocabulary when DATABASE_URL is set (the most
// and least common words, categories, attribute values), else from a built-in list. The
// freshness probe changes a product's title through the same path the app uses (UPDATE +
// outbox event in one transaction), polls search until the new title is found, and puts the
// title back.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

import pg from "pg";

import { recordResult } from "./support";

if (existsSync(".env")) process.loadEnvFile(".env");

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "16" },
    "per-class": { type: "string", default: "40" },
    freshness: { type: "string", default: "5" },
    floor: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    "dry-run": { type: "boolean", default: false },
  },
});

const say = (line: string) => console.log(`[bench:search] ${line}`);
const baseUrl = (args.url ?? process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const duration = Number(args.duration);
const connections = Number(args.connections);
const perClass = Number(args["per-class"]);
const freshnessRuns = Number(args.freshness);
const floorSeconds = Number(args.floor);
for (const [name, v] of [
  ["--duration", duration],
  ["--connections", connections],
  ["--per-class", perClass],
  ["--freshness", freshnessRuns],
  ["--floor", floorSeconds],
  ["--seed", Number(args.seed)],
] as const) {
  if (!Number.isInteger(v) || v < 0) {
    console.error(`[bench:search] ${name} must be a whole number`);
    process.exit(1);
  }
}

// ─── the query mix ───

type Vocabulary = { common: string[]; rare: string[]; categories: string[]; attributes: [string, string][] };
type QueryClass = "common" | "rare" | "typo" | "multi" | "facets" | "deep" | "browse";
const MIX: [QueryClass, number][] = [
  ["common", 30],
  ["multi", 10],
  ["rare", 15],
  ["typo", 15],
  ["facets", 15],
  ["deep", 10],
  ["browse", 5],
];

const FALLBACK: Vocabulary = {
  common: [
    "wireless",
    "black",
    "shoes",
    "lamp",
    "leather",
    "cotton",
    "classic",
    "steel",
    "headphones",
    "jacket",
    "table",
    "book",
  ],
  rare: ["sonora", "auralis", "lumeo", "voltix", "hearthstone", "skillet", "earbuds", "cast", "espresso", "backpack"],
  categories: ["electronics", "fashion", "home"],
  attributes: [
    ["color", "Black"],
    ["color", "White"],
    ["size", "M"],
  ],
};

/** Deterministic PRNG (mulberry32) so a seed always gives the same mix. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function typo(word: string, r: () => number): string {
  if (word.length < 5) return `${word}${word.at(-1)}`;
  const i = 1 + Math.floor(r() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export function makeQueryMix(v: Vocabulary, count: number, seed: number): { cls: QueryClass; path: string }[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const out: { cls: QueryClass; path: string }[] = [];
  for (let i = 0; i < count; i++) {
    let roll = r() * total;
    const cls = MIX.find(([, w]) => (roll -= w) < 0)?.[0] ?? "common";
    const p = new URLSearchParams();
    if (cls === "common") p.set("q", pick(v.common));
    else if (cls === "multi") p.set("q", `${pick(v.common)} ${pick(v.common)}`);
    else if (cls === "rare") p.set("q", pick(v.rare));
    else if (cls === "typo") p.set("q", typo(pick([...v.common, ...v.rare]), r));
    else if (cls === "facets") {
      if (r() < 0.6) p.set("q", pick(v.common));
      p.set("category", pick(v.categories));
      const min = pick([0, 10, 25, 50]);
      if (min) p.set("price_min", String(min));
      p.set("price_max", String(min + pick([25, 50, 100, 250])));
      if (r() < 0.5 && v.attributes.length) {
        const [key, value] = pick(v.attributes);
        p.set(`attr.${key}`, value);
      }
      if (r() < 0.3) p.set("in_stock", "1");
      if (r() < 0.3) p.set("rating_min", "4");
    } else if (cls === "deep") {
      if (r() < 0.5) p.set("q", pick(v.common));
      p.set("sort", pick(["price_asc", "price_desc", "newest", "rating"]));
      p.set("page", String(10 + Math.floor(r() * 30)));
    } else if (cls === "browse") {
      if (r() < 0.5) p.set("category", pick(v.categories));
      if (r() < 0.5) p.set("sort", pick(["relevance", "newest"]));
    }
    out.push({ cls, path: `/api/v1/search?${p}` });
  }
  return out;
}

async function loadVocabulary(client: pg.Client | null): Promise<Vocabulary> {
  if (!client) return FALLBACK;
  const words = async (order: "DESC" | "ASC", min: number) =>
    (
      await client.query<{ term: string }>(
        `SELECT term FROM search_terms WHERE doc_count >= $1 AND term ~ '^[a-z]+$' ORDER BY doc_count ${order}, term LIMIT 200`,
        [min],
      )
    ).rows.map((r) => r.term);
  const common = await words("DESC", 1);
  const rare = await words("ASC", 2);
  const categories = (
    await client.query<{ slug: string }>("SELECT slug FROM categories ORDER BY depth, position LIMIT 100")
  ).rows.map((r) => r.slug);
  const attributes = (
    await client.query<{ k: string; v: string }>(
      "SELECT attribute_key AS k, attribute_value AS v FROM product_attributes WHERE attribute_key IN ('color', 'size', 'brand', 'format') GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 50",
    )
  ).rows.map((r): [string, string] => [r.k, r.v]);
  if (common.length < 10 || categories.length === 0) return FALLBACK;
  return {
    common: common.slice(0, 100),
    rare,
    categories,
    attributes: attributes.length ? attributes : FALLBACK.attributes,
  };
}

// ─── measurement ───

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const fmtMs = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "n/a");

function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

async function timedGet(path: string): Promise<{ ms: number; status: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${path}`);
  const body = await res.json().catch(() => null);
  return { ms: performance.now() - t0, status: res.status, body };
}

type Autocannon = (opts: Record<string, unknown>) => {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  then: Promise<{
    requests: { average: number; total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }>["then"];
};

async function mixedLoad(mix: { path: string }[], seconds = duration) {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (req: Record<string, unknown>) => ({ ...req, path: mix[next++ % mix.length].path }),
      },
    ],
  });
  instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  return { result, latency: summary(latencies) };
}

async function freshness(client: pg.Client, runs: number): Promise<number[]> {
  const delays: number[] = [];
  const products = (
    await client.query<{ id: string; title: string }>(
      "SELECT p.id, p.title FROM products p JOIN product_search_documents d ON d.product_id = p.id WHERE p.status = 'active' ORDER BY random() LIMIT $1",
      [runs],
    )
  ).rows;
  if (products.length === 0) {
    const fallback = (
      await client.query<{ id: string; title: string }>(
        "SELECT id, title FROM products WHERE status = 'active' ORDER BY random() LIMIT $1",
        [runs],
      )
    ).rows;
    products.push(...fallback);
  }
  const setTitle = async (id: string, title: string) => {
    await client.query("BEGIN");
    try {
      await client.query("UPDATE products SET title = $2, updated_at = now() WHERE id = $1", [id, title]);
      await client.query(
        "INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload) VALUES ('product', $1, 'product.updated', '{}')",
        [id],
      );
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    }
  };
  for (const p of products) {
    const token = `zq${Math.random().toString(36).slice(2, 10).replace(/\d/g, "x")}`;
    await setTitle(p.id, `${p.title.slice(0, 180)} ${token}`);
    const t0 = performance.now();
    let delay = NaN;
    try {
      while (performance.now() - t0 < 30_000) {
        const { body } = await timedGet(`/api/v1/search?q=${token}`);
        if ((body as { results?: { product_id: string }[] } | null)?.results?.some((r) => r.product_id === p.id)) {
          delay = performance.now() - t0;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await setTitle(p.id, p.title);
    }
    delays.push(delay);
    say(`  freshness: visible after ${Number.isFinite(delay) ? fmtMs(delay) : "more than 30 s"}`);
  }
  return delays;
}

// ─── run ───

const db = process.env.DATABASE_URL ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null;
if (db) await db.connect();
try {
  const vocabulary = await loadVocabulary(db);
  const mix = makeQueryMix(vocabulary, 5000, Number(args.seed));
  if (args["dry-run"]) {
    const counts = Object.fromEntries(MIX.map(([c]) => [c, mix.filter((m) => m.cls === c).length]));
    say(
      `vocabulary: ${db ? "from the database" : "built-in"} (${vocabulary.common.length} common, ${vocabulary.rare.length} rare words, ${vocabulary.categories.length} categories)`,
    );
    say(`mix of ${mix.length}: ${JSON.stringify(counts)}`);
    for (const m of mix.slice(0, 25)) say(`  ${m.cls.padEnd(7)} ${m.path}`);
    process.exit(0);
  }

  const health = await fetch(`${baseUrl}/api/v1/search?q=`).catch(() => null);
  if (!health?.ok) {
    console.error(
      `[bench:search] ${baseUrl}/api/v1/search did not answer 200; start the app (npm start) or pass --url`,
    );
    process.exit(1);
  }
  say(
    `server ${baseUrl}; ${connections} connections for ${duration} s; vocabulary ${db ? "from the database" : "built-in"}`,
  );

  // Warm caches (category tree, synonyms, plans) so the first requests are not measured cold.
  for (const m of mix.slice(0, 50)) await timedGet(m.path);

  say(`per query class, ${perClass} sequential requests each (no other load):`);
  say(
    `  ${"class".padEnd(8)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"max".padStart(10)}  non-2xx`,
  );
  for (const [cls] of MIX) {
    const paths = mix.filter((m) => m.cls === cls).slice(0, perClass);
    const times: number[] = [];
    let bad = 0;
    for (const m of paths) {
      const r = await timedGet(m.path);
      times.push(r.ms);
      if (r.status >= 300) bad++;
    }
    const s = summary(times);
    say(
      `  ${cls.padEnd(8)} ${fmtMs(s.p50).padStart(10)} ${fmtMs(s.p95).padStart(10)} ${fmtMs(s.p99).padStart(10)} ${fmtMs(s.max).padStart(10)}  ${bad}`,
    );
  }

  say(`mixed load (autocannon)…`);
  const { result, latency } = await mixedLoad(mix);
  say(
    `  requests: ${result.requests.total.toLocaleString("en-US")} in ${result.duration} s = ${result.requests.average.toFixed(0)} req/s`,
  );
  say(
    `  latency: p50 ${fmtMs(latency.p50)}, p95 ${fmtMs(latency.p95)}, p99 ${fmtMs(latency.p99)}, max ${fmtMs(latency.max)}`,
  );
  say(`  non-2xx: ${result.non2xx}, errors: ${result.errors}, timeouts: ${result.timeouts}`);
  recordResult({
    bench: "bench:search",
    measure: `search, mixed load, ${connections} conn`,
    n: result.requests.total,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    rate: result.requests.total / (result.duration || duration),
    unit: "req/s",
    note:
      result.non2xx || result.errors || result.timeouts
        ? `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`
        : undefined,
  });

  // The floors of this run: what the server manages on the same machine, at the same moment,
  // for a page it only has to copy out of its cache and for a route that does nothing.
  if (floorSeconds > 0) {
    for (const [label, path] of [
      ["floor: home page (page cache)", "/"],
      ["floor: GET /api/health", "/api/health"],
    ] as const) {
      const floor = await mixedLoad([{ path }], floorSeconds);
      say(
        `${label}: ${floor.result.requests.average.toFixed(0)} req/s, p50 ${fmtMs(floor.latency.p50)}, p95 ${fmtMs(floor.latency.p95)}, p99 ${fmtMs(floor.latency.p99)} (non-2xx ${floor.result.non2xx})`,
      );
    }
  }

  if (freshnessRuns > 0) {
    if (!db) say("freshness: skipped (set DATABASE_URL to the server's database)");
    else {
      say(`freshness: ${freshnessRuns} product updates, each polled until searchable (the worker must be running)…`);
      const delays = await freshness(db, freshnessRuns);
      const ok = delays.filter(Number.isFinite);
      const s = summary(ok);
      say(
        `  visible after: p50 ${fmtMs(s.p50)}, max ${fmtMs(s.max)}${ok.length < delays.length ? `; ${delays.length - ok.length} not visible within 30 s` : ""}`,
      );
    }
  }
} finally {
  await db?.end();
}
