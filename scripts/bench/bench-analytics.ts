// `npm run bench:analytics -- --data-dir .data/bench-analytics [--url http://localhost:3300]`:
// how long the seller analytics page takes for the shop `npm run seed:events` made
// (bench-analytics@sellers.example: 10,000 listings, 100,000 orders over a year by default).
//
//  queries  each data query the page runs (lib/analytics: the report, after-sale cases, rating
//           trend, payouts, inventory forecast), and all of them together as the page runs
//           them (in parallel), called in this process against the database, one request at a
//           time, for the 7, 30 and 90-day presets and a whole year; p50/p95/p99 per query.
//  page     with --url: GET /seller/analytics (the server-rendered page, HTML complete) as the
//           shop's seller, with a session cookie minted from the server's NEXTAUTH_SECRET (env,
//           else --data-dir's local-config.json) and a user_sessions row, as a sign-in would;
//           --concurrency requests at a time (default 1: one seller looking at their page).
//
// The target is a p95 under 300 ms for the page; the script reports, it does not fail on it.
// Only loopback targets are accepted. The database is DATABASE_URL, else --data-dir's embedded one.
//
//   --data-dir DIR     embedded PostgreSQL and local-config.json (default DATA_DIR or .data)
//   --url URL          the marketplace for the page part (left out: queries only)
//   --iterations N     measured calls per query and range, and page requests per range (default 50)
//   --warmup N         unmeasured calls first (default 5)
//   --concurrency C    page requests in flight (default 1)
//   --explain FILE     first, every SQL statement each query runs, per range, captured from
//                      Prisma's query log and run again under EXPLAIN (ANALYZE, BUFFERS) with
//                      its parameters; the plans go to FILE, each statement's time to stdout
//
// The page over HTTP: a production server on the same data dir, e.g.
//   npm start -- --data-dir .data/bench --port 3422 --web 1
//   npm run bench:analytics -- --data-dir .data/bench --url http://localhost:3422
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { encode } from "next-auth/jwt";

import { benchCli, machineLine, ms, openDatabase, recordResult, summarize, table, type Summary } from "./support";

const { values: args } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    url: { type: "string" },
    iterations: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    concurrency: { type: "string", default: "1" },
    explain: { type: "string" },
  },
});

const { say, fail, wholeNumber, loopbackOrigin, requireHealthy, crash } = benchCli("bench:analytics");
const ITERATIONS = wholeNumber("iterations", args.iterations, 1, 10_000);
const WARMUP = wholeNumber("warmup", args.warmup, 0, 1000);
const CONCURRENCY = wholeNumber("concurrency", args.concurrency, 1, 64);
const base = args.url ? loopbackOrigin(args.url) : null;
const SELLER_EMAIL = "bench-analytics@sellers.example";
const TARGET_P95_MS = 300;

type Row = { part: string; measure: string; range: string; s: Summary };

async function time(n: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  if (base) await requireHealthy(base);
  const db = await openDatabase(args["data-dir"]);
  const rows: Row[] = [];
  const explained: string[] = [];
  try {
    const found = await db.client.query<{
      seller_id: string;
      user_id: string;
      name: string;
      products: number;
      orders: number;
    }>(
      `SELECT s.id AS seller_id, u.id AS user_id, u.name,
              (SELECT count(*)::int FROM products WHERE seller_id = s.id) AS products,
              (SELECT count(*)::int FROM orders WHERE seller_id = s.id) AS orders
         FROM users u JOIN seller_profiles s ON s.user_id = u.id WHERE u.email = $1`,
      [SELLER_EMAIL],
    );
    const shop = found.rows[0];
    if (!shop) fail(`no benchmark shop (${SELLER_EMAIL}) in this database: run npm run seed:events first.`);
    const [{ events, products }] = (
      await db.client.query<{ events: string; products: string }>(
        `SELECT (SELECT reltuples::bigint FROM pg_class WHERE oid = 'analytics_events'::regclass)::text AS events,
                (SELECT count(*) FROM products)::text AS products`,
      )
    ).rows;
    say(machineLine());
    say(
      `shop ${shop.seller_id}: ${shop.products.toLocaleString("en-US")} listings, ${shop.orders.toLocaleString("en-US")} orders; ` +
        `database: ~${Number(events).toLocaleString("en-US")} analytics events, ${Number(products).toLocaleString("en-US")} products`,
    );

    // The lib functions run here against the same database: db() is this process's client.
    const url = db.url;
    const { PrismaClient } = await import("../../lib/generated/prisma/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // As createPrismaClient, with the query log --explain reads (emitted only while it listens).
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: 10 }),
      log: [{ emit: "event", level: "query" }],
    });
    let capture: { query: string; params: string }[] | null = null;
    prisma.$on("query", (e) => capture?.push({ query: e.query, params: e.params }));
    (globalThis as { prisma?: unknown }).prisma = prisma;
    const { resolveAnalyticsRange } = await import("../../lib/analytics/report/analytics-range");
    const { getSellerAnalytics } = await import("../../lib/analytics/report/get-seller-analytics");
    const { countAfterSaleCases } = await import("../../lib/analytics/shop-health/count-after-sale-cases");
    const { getRatingTrend } = await import("../../lib/analytics/shop-health/get-rating-trend");
    const { getPayoutSummary } = await import("../../lib/analytics/shop-health/get-payout-summary");
    const { getInventoryForecast } = await import("../../lib/analytics/shop-health/get-inventory-forecast");

    const sellerId = shop.seller_id;
    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const ranges = [
      { label: "7 days", query: { days: "7" as const }, page: "days=7" },
      { label: "30 days", query: { days: "30" as const }, page: "days=30" },
      { label: "90 days", query: { days: "90" as const }, page: "days=90" },
      { label: "366 days", query: { from: yearAgo, to: today }, page: `from=${yearAgo}&to=${today}` },
    ];
    for (const r of ranges) {
      const range = resolveAnalyticsRange(r.query);
      const queries: [string, () => Promise<unknown>][] = [
        ["report (funnel, revenue, top products, search)", () => getSellerAnalytics({ sellerId, range })],
        ["after-sale cases", () => countAfterSaleCases({ sellerId, range })],
        ["rating trend", () => getRatingTrend({ sellerId, range })],
        ["payouts", () => getPayoutSummary({ sellerId, range })],
        ["inventory forecast (28 days)", () => getInventoryForecast({ sellerId })],
      ];
      const all = () => Promise.all(queries.map(([, run]) => run()));
      if (args.explain) {
        for (const [name, run] of queries) {
          capture = [];
          await run();
          const statements = capture.filter((c) => /^\s*(WITH|SELECT)/i.test(c.query));
          capture = null;
          for (const st of statements) {
            const params = JSON.parse(st.params) as unknown[];
            const plan = (
              await db.client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.query}`, params)
            ).rows.map((r) => r["QUERY PLAN"]);
            explained.push(`-- ${r.label} | ${name}\n${st.query}\n-- params: ${st.params}\n${plan.join("\n")}\n`);
            say(
              `explain ${r.label} | ${name}: ${plan.find((l) => l.startsWith("Execution Time")) ?? "?"} | ${st.query.replace(/\s+/g, " ").slice(0, 90)}`,
            );
          }
        }
      }
      say(`queries, ${r.label}: ${WARMUP} warm-up and ${ITERATIONS} measured calls each…`);
      await time(WARMUP, all);
      for (const [name, run] of queries)
        rows.push({ part: "query", measure: name, range: r.label, s: summarize(await time(ITERATIONS, run)) });
      rows.push({
        part: "query",
        measure: "all of the page's data, in parallel",
        range: r.label,
        s: summarize(await time(ITERATIONS, all)),
      });
    }
    await prisma.$disconnect();
    if (args.explain) writeFileSync(args.explain, explained.join("\n"));

    if (base) {
      const secret = process.env.NEXTAUTH_SECRET ?? db.local.NEXTAUTH_SECRET;
      if (!secret)
        fail(
          "the page part needs the server's NEXTAUTH_SECRET: set it, or pass the server's --data-dir (its local-config.json has it).",
        );
      const sessionId = randomUUID();
      await db.client.query(
        `INSERT INTO user_sessions (id, user_id, method, created_at, last_seen_at) VALUES ($1, $2, 'credentials', now(), now())`,
        [sessionId, shop.user_id],
      );
      const token = await encode({
        token: { name: shop.name, email: SELLER_EMAIL, sub: shop.user_id, role: "seller", sid: sessionId },
        secret,
        maxAge: 3600,
      });
      const cookie = `${base.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token"}=${token}`;
      const get = async (path: string) => {
        const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
        const html = await res.text();
        if (res.status !== 200 || !html.includes("Inventory forecast"))
          throw new Error(
            `GET ${path} answered ${res.status}${res.status === 200 ? " without the analytics page" : ""}`,
          );
      };
      for (const r of ranges) {
        const path = `/seller/analytics?${r.page}`;
        say(`page, ${r.label}: ${WARMUP} warm-up and ${ITERATIONS} measured requests, ${CONCURRENCY} at a time…`);
        await time(WARMUP, () => get(path));
        const latencies: number[] = [];
        let left = ITERATIONS;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (left-- > 0) latencies.push(...(await time(1, () => get(path))));
          }),
        );
        rows.push({
          part: "page",
          measure: `GET /seller/analytics, ${CONCURRENCY} at a time`,
          range: r.label,
          s: summarize(latencies),
        });
      }
      await db.client.query(`DELETE FROM user_sessions WHERE id = $1`, [sessionId]);
    }
  } finally {
    await db.close();
  }

  for (const r of rows)
    recordResult({
      bench: "bench:analytics",
      measure: `${r.part}: ${r.measure}, ${r.range}`,
      n: r.s.n,
      p50: r.s.p50,
      p95: r.s.p95,
      p99: r.s.p99,
      rate: NaN,
      unit: "",
    });
  console.log("");
  console.log(
    table([
      ["part", "measure", "range", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"],
      ...rows.map((r) => [
        r.part,
        r.measure,
        r.range,
        String(r.s.n),
        ms(r.s.p50),
        ms(r.s.p95),
        ms(r.s.p99),
        ms(r.s.max),
      ]),
    ]),
  );
  console.log("");
  const pages = rows.filter((r) => r.part === (base ? "page" : "query") && (base || r.measure.startsWith("all")));
  const worst = Math.max(...pages.map((r) => r.s.p95));
  say(
    `${base ? "page" : "the page's data (no --url: page not measured)"}: worst p95 ${ms(worst)} ms against a target of ${TARGET_P95_MS} ms (${worst < TARGET_P95_MS ? "met" : "NOT met"})`,
  );
  say(machineLine());
}

main().catch(crash);
