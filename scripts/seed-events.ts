// `npm run seed:events -- --products 10000 --orders 100000`: a year of analytics for one shop,
// for the seller analytics benchmark (scripts/bench/bench-analytics.ts) and capacity tests, in
// DATABASE_URL or, when that is unset, the embedded PostgreSQL of --data-dir (as seed:catalog).
//
// It writes, all in bulk SQL (generate_series inside PostgreSQL, no rows through Node):
//   - the benchmark shop (bench-analytics@sellers.example, password below) with --products live
//     listings (stock 0-400), and --buyers buyers;
//   - --orders paid orders over --days days (1-3 lines each, popular products skewed), with
//     their checkouts, the ledger movements a real sale posts (capture; release and commission
//     once delivered; a full refund before release for 2%), one payout a day, 2% refunded, 3%
//     returns, 0.5% disputes, 0.2% chargebacks, reviews of 30% of the lines;
//   - the shop's analytics events: --views-per-order product views (spread over the products
//     like the sales), 3 add-to-carts and 1.2 checkouts started per order, each order's
//     order_paid and each refund; and search impressions/clicks of its listings;
//   - --background N: for N listings of the rest of the catalogue (seed:catalog's, say; a sample
//     when there are more), --background-views views each over the same days, so the events
//     table and the rollups hold other shops too;
// then builds the rollups with the worker's own job (rollUpAnalytics), a month of events per
// run, as the worker would have folded them.
//
// The shop is made once: a second run finds it and stops, unless --replace removes it first.
// Measured on 2 shared cores: see docs/BENCHMARKS.md (seller analytics).
//
//   --products N         the shop's listings (default 10000)
//   --orders N           its paid orders over the period (default 100000)
//   --days D             length of the period, ending now (default 365)
//   --buyers N           buyers placing them (default 5000)
//   --views-per-order N  product views per order (default 10)
//   --search-per-order N search impressions per order (default 5)
//   --background N       other listings given events (default 50000)
//   --background-views N views per background listing over the period (default 20)
//   --background-only    only the background: views for --background listings of the catalogue
//                        (the shop is neither made nor needed), e.g. a year for 1M products:
//                        `seed:catalog -- --products 1000000 --skip-search`, then
//                        `seed:events -- --background-only --background 1000000`
//   --batch N            background listings per transaction (default 100000): each month's
//                        views are written and rolled up N listings at a time, so a transaction
//                        and a rollup run stay the same size whatever the catalogue's
//   --replace            delete the benchmark shop's rows first (not the background's)
//   --data-dir DIR       embedded PostgreSQL (default DATA_DIR or .data)
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { startEmbeddedPostgres } from "../dev/services/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { buyerAccount, COMMISSION, ESCROW, sellerPaidOut, sellerPayable } from "../lib/ledger/accounts";
import { hashPassword } from "../lib/users/hash-password";

const { values: args } = parseArgs({
  options: {
    products: { type: "string", default: "10000" },
    orders: { type: "string", default: "100000" },
    days: { type: "string", default: "365" },
    buyers: { type: "string", default: "5000" },
    "views-per-order": { type: "string", default: "10" },
    "search-per-order": { type: "string", default: "5" },
    background: { type: "string", default: "50000" },
    "background-views": { type: "string", default: "20" },
    replace: { type: "boolean", default: false },
    "background-only": { type: "boolean", default: false },
    batch: { type: "string", default: "100000" },
    "data-dir": { type: "string" },
  },
});

const BENCH_SELLER_EMAIL = "bench-analytics@sellers.example";
const BENCH_SELLER_PASSWORD = "Bench-Analytics-2026";

const say = (line: string) => console.log(`[seed:events] ${line}`);
function fail(message: string): never {
  console.error(`[seed:events] ${message}`);
  process.exit(1);
}
function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${flag} must be a whole number from ${min} to ${max}, got "${value}".`);
  return n;
}

const PRODUCTS = wholeNumber("products", args.products, 1, 1_000_000);
const ORDERS = wholeNumber("orders", args.orders, 1, 10_000_000);
const DAYS = wholeNumber("days", args.days, 1, 366);
const BUYERS = wholeNumber("buyers", args.buyers, 1, 1_000_000);
const VIEWS_PER_ORDER = wholeNumber("views-per-order", args["views-per-order"], 0, 100);
const SEARCH_PER_ORDER = wholeNumber("search-per-order", args["search-per-order"], 0, 100);
const BACKGROUND = wholeNumber("background", args.background, 0, 100_000_000);
const BACKGROUND_VIEWS = wholeNumber("background-views", args["background-views"], 0, 1000);
const BATCH = wholeNumber("batch", args.batch, 1000, 10_000_000);

async function connect(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = resolve(args["data-dir"] ?? process.env.DATA_DIR ?? ".data");
  const configFile = join(dataDir, "local-config.json");
  const local = existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, string>) : {};
  say(`DATABASE_URL is not set: using the embedded PostgreSQL of ${dataDir}`);
  const server = await startEmbeddedPostgres({
    dataDir: join(dataDir, "postgres"),
    database: "marketplace",
    port: Number(local.PG_PORT ?? 54320),
  });
  return { url: server.url, stop: server.stop };
}

const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const t = Date.now();
  const out = await run();
  say(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return out;
};

/** Deletes the benchmark shop and everything of its own (orders, events, rollups, ledger lines). */
async function removeShop(client: pg.Client, sellerId: string, userId: string): Promise<void> {
  await client.query("BEGIN");
  // Triggers off for this transaction (superuser): the ledger's append-only trigger, and the
  // foreign-key checks, which would scan unindexed referencing columns once per deleted order;
  // everything that references the shop's rows is deleted here first.
  await client.query("SET LOCAL session_replication_role = replica");
  const orders = `SELECT id FROM orders WHERE seller_id = $1`;
  for (const sql of [
    `DELETE FROM ledger_entries WHERE order_id IN (${orders}) OR debit_account LIKE 'seller:' || $1 || ':%' OR credit_account LIKE 'seller:' || $1 || ':%'`,
    `DELETE FROM reviews WHERE order_id IN (${orders})`,
    `DELETE FROM order_items WHERE order_id IN (${orders})`,
    `DELETE FROM order_status_changes WHERE order_id IN (${orders})`,
    `DELETE FROM refunds WHERE order_id IN (${orders})`,
    `DELETE FROM returns WHERE order_id IN (${orders})`,
    `DELETE FROM disputes WHERE order_id IN (${orders})`,
    `DELETE FROM chargebacks WHERE order_id IN (${orders})`,
    `DELETE FROM payments WHERE checkout_id IN (SELECT checkout_id FROM orders WHERE seller_id = $1)`,
    `DELETE FROM payouts WHERE seller_id = $1`,
    `DELETE FROM analytics_events WHERE seller_id = $1`,
    `DELETE FROM analytics_seller_rollups WHERE seller_id = $1`,
    `DELETE FROM analytics_revenue_rollups WHERE seller_id = $1`,
    `DELETE FROM analytics_product_rollups WHERE seller_id = $1`,
    `DELETE FROM search_events WHERE product_id IN (SELECT id FROM products WHERE seller_id = $1)`,
  ])
    await client.query(sql, [sellerId]);
  await client.query(
    `CREATE TEMP TABLE gone_checkouts ON COMMIT DROP AS SELECT checkout_id FROM orders WHERE seller_id = $1`,
    [sellerId],
  );
  await client.query(`DELETE FROM orders WHERE seller_id = $1`, [sellerId]);
  await client.query(`DELETE FROM checkouts WHERE id IN (SELECT checkout_id FROM gone_checkouts)`);
  await client.query(
    `DELETE FROM inventory_adjustments WHERE product_id IN (SELECT id FROM products WHERE seller_id = $1)`,
    [sellerId],
  );
  await client.query(`DELETE FROM products WHERE seller_id = $1`, [sellerId]);
  await client.query(`DELETE FROM users WHERE email LIKE 'bench-analytics-buyer-%@buyers.example'`);
  await client.query(`DELETE FROM seller_profiles WHERE id = $1`, [sellerId]);
  await client.query(`DELETE FROM users WHERE id = $1`, [userId]);
  await client.query("COMMIT");
}

type Month = { n: number; lo: Date; hi: Date };

/** Listings of other shops given views (all of them, or the first --background by id), numbered for batching. */
async function pickBackground(client: pg.Client, sellerId: string | null): Promise<number> {
  await client.query(
    `CREATE TEMP TABLE bench_background AS
     SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, seller_id FROM (
       SELECT id, seller_id FROM products WHERE seller_id IS DISTINCT FROM $1::uuid AND status = 'active' ORDER BY id LIMIT $2) p`,
    [sellerId, BACKGROUND],
  );
  await client.query(`CREATE UNIQUE INDEX ON bench_background (k)`);
  const n = Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM bench_background`)).rows[0].n);
  say(`background: ${n.toLocaleString("en-US")} listings of other shops get ${BACKGROUND_VIEWS} views each`);
  return n;
}

/** The worker's own rollup job, on this database. */
async function rollupJob(url: string) {
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= "warn";
  const { createPrismaClient } = await import("../lib/db/client");
  (globalThis as { prisma?: unknown }).prisma ??= createPrismaClient(url, 2);
  const { rollUpAnalytics } = await import("../lib/analytics/rollups/roll-up-analytics");
  return rollUpAnalytics;
}

/**
 * One month's background views, --batch listings per transaction, each batch rolled up before
 * the next (as the worker would fold a busy minute): the rows are generated inside PostgreSQL
 * (generate_series, one multi-row INSERT ... SELECT per batch), which is faster than streaming
 * them from Node with COPY, and nothing is held in this process's memory.
 */
async function writeBackground(
  client: pg.Client,
  m: Month,
  background: number,
  rollUp: () => Promise<unknown>,
): Promise<number> {
  let rows = 0;
  for (let k = 0; k < background && BACKGROUND_VIEWS > 0; k += BATCH) {
    const inserted = await client.query(
      `INSERT INTO analytics_events (kind, seller_id, product_id, visitor_key, occurred_at)
       SELECT 'product_view', b.seller_id, b.id, md5(b.id::text || v), $1::timestamp + random() * ($2::timestamp - $1::timestamp)
         FROM bench_background b CROSS JOIN generate_series(1, greatest(1, round($3 * extract(epoch FROM $2::timestamp - $1::timestamp) / ($4 * 86400.0))::int)) AS v
        WHERE b.k >= $5 AND b.k < $6`,
      [m.lo, m.hi, BACKGROUND_VIEWS, DAYS, k, k + BATCH],
    );
    rows += inserted.rowCount ?? 0;
    await rollUp();
  }
  return rows;
}

/** --background-only: a period of views for the catalogue's listings, with its write and rollup rate. */
async function backgroundOnly(client: pg.Client, url: string): Promise<void> {
  const started = Date.now();
  const background = await pickBackground(client, null);
  const months = (
    await client.query<Month>(
      `SELECT n, now() - make_interval(days => least($1::int, (n + 1) * 31)) AS lo, now() - make_interval(days => n * 31) AS hi
         FROM generate_series(0, ceil($1::int / 31.0)::int - 1) AS n ORDER BY n DESC`,
      [DAYS],
    )
  ).rows;
  const rollUp = await rollupJob(url);
  let rows = 0;
  for (const m of months) {
    const t = Date.now();
    const n = await writeBackground(client, m, background, rollUp);
    rows += n;
    const s = (Date.now() - t) / 1000;
    say(
      `  ${m.lo.toISOString().slice(0, 10)}..${m.hi.toISOString().slice(0, 10)}: ${n.toLocaleString("en-US")} views written and rolled up in ${s.toFixed(1)} s ` +
        `(${Math.round(n / s).toLocaleString("en-US")}/s; ${rows.toLocaleString("en-US")} so far, ${Math.round(rows / ((Date.now() - started) / 1000)).toLocaleString("en-US")}/s overall)`,
    );
  }
  const s = (Date.now() - started) / 1000;
  say(
    `done in ${s.toFixed(0)} s: ${rows.toLocaleString("en-US")} views of ${background.toLocaleString("en-US")} listings over ${DAYS} days, ` +
      `${Math.round(rows / s).toLocaleString("en-US")} events/s written and rolled up`,
  );
}

async function main() {
  const { url, stop } = await connect();
  await migrate({ connectionString: url, log: (m) => say(m) });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    if (args["background-only"]) {
      await backgroundOnly(client, url);
      return;
    }
    const existing = await client.query<{ seller_id: string; user_id: string }>(
      `SELECT s.id AS seller_id, u.id AS user_id FROM users u JOIN seller_profiles s ON s.user_id = u.id WHERE u.email = $1`,
      [BENCH_SELLER_EMAIL],
    );
    if (existing.rows[0]) {
      if (!args.replace)
        fail(`the benchmark shop (${BENCH_SELLER_EMAIL}) is already there; pass --replace to make it again.`);
      say("removing the benchmark shop of an earlier run");
      await timed("removed", () => removeShop(client, existing.rows[0].seller_id, existing.rows[0].user_id));
    }
    say(
      `a shop with ${PRODUCTS.toLocaleString("en-US")} listings and ${ORDERS.toLocaleString("en-US")} orders over ${DAYS} days, ` +
        `${BUYERS.toLocaleString("en-US")} buyers; background: ${BACKGROUND.toLocaleString("en-US")} listings × ${BACKGROUND_VIEWS} views`,
    );
    const passwordHash = await hashPassword(BENCH_SELLER_PASSWORD);
    const P = { products: PRODUCTS, orders: ORDERS, days: DAYS, buyers: BUYERS };

    await client.query("BEGIN");
    const { rows: shop } = await client.query<{ seller_id: string }>(
      `WITH u AS (
         INSERT INTO users (id, email, name, role, password_hash, email_verified, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'Bench Analytics', 'seller', $2, now(), now() - make_interval(days => $3), now()) RETURNING id)
       INSERT INTO seller_profiles (id, user_id, shop_name, slug, charges_enabled, payouts_enabled, details_submitted, stripe_account_id, created_at, updated_at)
       SELECT gen_random_uuid(), u.id, 'Bench Analytics Supply', 'bench-analytics-supply', true, true, true, 'acct_bench_analytics', now() - make_interval(days => $3), now() FROM u
       RETURNING id AS seller_id`,
      [BENCH_SELLER_EMAIL, passwordHash, DAYS],
    );
    const sellerId = shop[0].seller_id;
    await client.query(`SELECT setseed(0.2026)`);
    await timed(`${PRODUCTS} listings`, () =>
      client.query(
        `INSERT INTO products (id, seller_id, title, description, category_id, price_cents, currency, inventory_count, status, published_at, created_at, updated_at)
         SELECT gen_random_uuid(), $1, 'Bench supply item ' || n, '', (SELECT id FROM categories ORDER BY (parent_id IS NULL), id LIMIT 1),
                500 + (n * 7919) % 9500, 'USD', floor(random() * 401)::int, 'active', now() - make_interval(days => $3), now() - make_interval(days => $3), now()
           FROM generate_series(1, $2::int) AS n`,
        [sellerId, PRODUCTS, DAYS],
      ),
    );
    await timed(`${BUYERS} buyers`, () =>
      client.query(
        `INSERT INTO users (id, email, name, role, password_hash, email_verified, created_at, updated_at)
         SELECT gen_random_uuid(), 'bench-analytics-buyer-' || n || '@buyers.example', 'Bench Buyer ' || n, 'buyer', $1, now(), now(), now()
           FROM generate_series(1, $2::int) AS n`,
        [passwordHash, BUYERS],
      ),
    );
    // Numbered copies to pick from: product k (0-based) is chosen with probability rising
    // towards k = 0 (k = floor(N * u²)), so a few listings sell a lot and most sell little.
    await client.query(
      `CREATE TEMP TABLE bench_products AS
       SELECT (row_number() OVER (ORDER BY title) - 1)::int AS k, id, price_cents FROM products WHERE seller_id = $1`,
      [sellerId],
    );
    await client.query(`CREATE UNIQUE INDEX ON bench_products (k)`);
    await client.query(
      `CREATE TEMP TABLE bench_buyers ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY email) - 1)::int AS k, id FROM users WHERE email LIKE 'bench-analytics-buyer-%@buyers.example'`,
    );
    await client.query(`CREATE UNIQUE INDEX ON bench_buyers (k)`);
    await timed(`${ORDERS} orders with their lines`, async () => {
      await client.query(
        `CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
         SELECT gen_random_uuid() AS id, gen_random_uuid() AS checkout_id, n,
                (SELECT id FROM bench_buyers WHERE k = (n * 7) % $2) AS buyer_id,
                -- spread over the period, a little busier lately
                now() - make_interval(secs => (power(random(), 1.3) * $1 * 86400)) AS paid_at,
                1 + floor(random() * 3)::int AS lines, random() AS fate
           FROM generate_series(1, $3::int) AS n`,
        [P.days, P.buyers, P.orders],
      );
      await client.query(
        `CREATE TEMP TABLE bench_items ON COMMIT DROP AS
         SELECT gen_random_uuid() AS id, o.id AS order_id, p.id AS product_id, p.price_cents, pick.quantity
           FROM bench_orders o
          CROSS JOIN LATERAL (SELECT floor($1 * power(random(), 2))::int AS k, 1 + floor(power(random(), 4) * 3)::int AS quantity
                                FROM generate_series(1, o.lines) WHERE o.id IS NOT NULL) pick
           JOIN bench_products p ON p.k = pick.k`,
        [P.products],
      );
      await client.query(
        `ALTER TABLE bench_orders ADD COLUMN total int, ADD COLUMN fee int, ADD COLUMN status "OrderStatus", ADD COLUMN escrow "EscrowStatus"`,
      );
      // Older than 20 days: completed and released; 5-20 days: delivered, held; newer: paid or
      // shipped, held; 2% (fate < 0.02) refunded in full before release.
      await client.query(
        `UPDATE bench_orders o SET total = t.total, fee = round(t.total * 0.15)::int,
                status = CASE WHEN o.fate < 0.02 THEN 'refunded'
                              WHEN o.paid_at < now() - interval '20 days' THEN 'completed'
                              WHEN o.paid_at < now() - interval '5 days' THEN 'delivered'
                              WHEN o.fate < 0.5 THEN 'shipped' ELSE 'paid' END::"OrderStatus",
                escrow = CASE WHEN o.fate < 0.02 THEN 'refunded' WHEN o.paid_at < now() - interval '20 days' THEN 'released' ELSE 'held' END::"EscrowStatus"
           FROM (SELECT order_id, sum(price_cents * quantity)::int AS total FROM bench_items GROUP BY order_id) t
          WHERE t.order_id = o.id`,
      );
      await client.query(`DELETE FROM bench_orders WHERE total IS NULL`);
      await client.query(
        `INSERT INTO checkouts (id, buyer_id, status, total_cents, currency, shipping_address, expires_at, created_at, updated_at)
         SELECT checkout_id, buyer_id, 'paid', total, 'USD', '{"fullName":"Bench Buyer"}', paid_at + interval '10 minutes', paid_at - interval '2 minutes', paid_at
           FROM bench_orders`,
      );
      await client.query(
        `INSERT INTO orders (id, checkout_id, buyer_id, seller_id, status, subtotal_cents, total_cents, commission_bps, platform_fee_cents, currency,
                             escrow_status, shipping_address, reservation_expires_at, paid_at, shipped_at, delivered_at, completed_at,
                             refunded_cents, refunded_fee_cents, created_at, updated_at)
         SELECT id, checkout_id, buyer_id, $1, status, total, total, 1500, fee, 'USD', escrow, '{"fullName":"Bench Buyer"}',
                paid_at + interval '8 minutes', paid_at,
                CASE WHEN status IN ('shipped', 'delivered', 'completed') THEN paid_at + interval '1 day' END,
                CASE WHEN status IN ('delivered', 'completed') THEN paid_at + interval '4 days' END,
                CASE WHEN status = 'completed' THEN paid_at + interval '18 days' END,
                CASE WHEN status = 'refunded' THEN total ELSE 0 END, CASE WHEN status = 'refunded' THEN fee ELSE 0 END,
                paid_at - interval '2 minutes', paid_at
           FROM bench_orders`,
        [sellerId],
      );
      await client.query(
        `INSERT INTO order_items (id, order_id, product_id, title_snapshot, quantity, unit_price_cents, currency, refunded_quantity)
         SELECT i.id, i.order_id, i.product_id, 'Bench supply item', i.quantity, i.price_cents, 'USD',
                CASE WHEN o.status = 'refunded' THEN i.quantity ELSE 0 END
           FROM bench_items i JOIN bench_orders o ON o.id = i.order_id`,
      );
    });
    await timed("ledger, payouts, refunds, returns, disputes, reviews", async () => {
      await client.query(
        `INSERT INTO ledger_entries (id, transaction_id, order_id, debit_account, credit_account, amount_cents, currency, entry_type, reference, created_at)
         SELECT gen_random_uuid(), gen_random_uuid(), id, $2 || buyer_id, $3, total, 'USD', 'capture'::"LedgerEntryType", 'capture:' || id, paid_at FROM bench_orders
         UNION ALL
         SELECT gen_random_uuid(), gen_random_uuid(), id, $3, $1, total - fee, 'USD', 'release', 'release:' || id, paid_at + interval '18 days'
           FROM bench_orders WHERE escrow = 'released'
         UNION ALL
         SELECT gen_random_uuid(), gen_random_uuid(), id, $3, $4, fee, 'USD', 'commission', 'release:' || id, paid_at + interval '18 days'
           FROM bench_orders WHERE escrow = 'released'
         UNION ALL
         SELECT gen_random_uuid(), gen_random_uuid(), id, $3, $2 || buyer_id, total, 'USD', 'refund', 'refund:' || id, paid_at + interval '1 day'
           FROM bench_orders WHERE escrow = 'refunded'`,
        [sellerPayable(sellerId), buyerAccount(""), ESCROW, COMMISSION],
      );
      // One payout a day of what was released the day before: paid, except the last two (in transit).
      await client.query(
        `WITH daily AS (
           SELECT date_trunc('day', paid_at + interval '18 days') + interval '1 day 2 hours 30 minutes' AS at, sum(total - fee)::int AS cents
             FROM bench_orders WHERE escrow = 'released' GROUP BY 1),
         p AS (
           INSERT INTO payouts (id, seller_id, stripe_payout_id, idempotency_key, amount_cents, currency, status, arrival_date, created_at, updated_at)
           SELECT gen_random_uuid(), $1::uuid, 'po_bench_' || to_char(at, 'YYYYMMDD'), 'payout:' || $1::text || ':USD:' || to_char(at, 'YYYY-MM-DD'), cents, 'USD',
                  CASE WHEN at > now() - interval '2 days' THEN 'in_transit' ELSE 'paid' END::"PayoutStatus", at + interval '2 days', at, at
             FROM daily WHERE at < now()
           RETURNING idempotency_key, amount_cents, created_at)
         INSERT INTO ledger_entries (id, transaction_id, debit_account, credit_account, amount_cents, currency, entry_type, reference, created_at)
         SELECT gen_random_uuid(), gen_random_uuid(), $2, $3, amount_cents, 'USD', 'payout', idempotency_key, created_at FROM p`,
        [sellerId, sellerPayable(sellerId), sellerPaidOut(sellerId)],
      );
      await client.query(
        `INSERT INTO payments (id, checkout_id, payment_intent_id, charge_id, amount_cents, currency, status, created_at, updated_at)
         SELECT gen_random_uuid(), checkout_id, 'pi_bench_' || id, 'ch_bench_' || id, total, 'USD', 'succeeded', paid_at, paid_at
           FROM bench_orders WHERE status = 'refunded' OR fate BETWEEN 0.050 AND 0.057`,
      );
      await client.query(
        `INSERT INTO refunds (id, order_id, payment_id, stripe_refund_id, idempotency_key, amount_cents, currency, status, kind, commission_cents, applied_at, created_at, updated_at)
         SELECT gen_random_uuid(), o.id, p.id, 're_bench_' || o.id, 'refund:' || o.id, o.total, 'USD', 'succeeded', 'cancellation', o.fee,
                o.paid_at + interval '1 day', o.paid_at + interval '1 day', o.paid_at + interval '1 day'
           FROM bench_orders o JOIN payments p ON p.checkout_id = o.checkout_id WHERE o.status = 'refunded'`,
      );
      await client.query(
        `INSERT INTO returns (id, order_id, status, reason, decline_reason, created_at, updated_at)
         SELECT gen_random_uuid(), id, (CASE WHEN fate < 0.035 THEN 'declined' ELSE 'requested' END)::"ReturnStatus", 'doesnt_fit',
                CASE WHEN fate < 0.035 THEN 'Used item' END,
                paid_at + interval '6 days', paid_at + interval '6 days'
           FROM bench_orders WHERE fate BETWEEN 0.02 AND 0.05 AND paid_at < now() - interval '6 days'`,
      );
      await client.query(
        `INSERT INTO disputes (id, order_id, reason, status, created_at)
         SELECT gen_random_uuid(), id, 'Not received', 'resolved_released', paid_at + interval '10 days'
           FROM bench_orders WHERE fate BETWEEN 0.050 AND 0.055 AND paid_at < now() - interval '10 days'`,
      );
      await client.query(
        `INSERT INTO chargebacks (id, stripe_dispute_id, charge_id, order_id, stage, status, reason, amount_cents, currency, created_at, closed_at)
         SELECT gen_random_uuid(), 'dp_bench_' || o.id, 'ch_bench_' || o.id, o.id, 'held', 'won', 'fraudulent', o.total, 'USD', o.paid_at + interval '3 days', o.paid_at + interval '20 days'
           FROM bench_orders o WHERE o.fate BETWEEN 0.055 AND 0.057 AND o.paid_at < now() - interval '20 days'`,
      );
      await client.query(
        `INSERT INTO reviews (id, order_id, order_item_id, product_id, buyer_id, rating, title, editable_until, created_at, updated_at)
         SELECT gen_random_uuid(), o.id, i.id, i.product_id, o.buyer_id, least(5, 2 + floor(random() * 4)::int + (random() < 0.4)::int), 'Bench review',
                o.paid_at + interval '37 days', o.paid_at + interval '7 days', o.paid_at + interval '7 days'
           FROM bench_items i JOIN bench_orders o ON o.id = i.order_id
          WHERE o.status = 'completed' AND random() < 0.3 AND o.paid_at + interval '7 days' < now()`,
      );
    });

    // Events: as the app records them, one transaction per month so each rollup run folds a month.
    await client.query(
      `CREATE TEMP TABLE bench_month_bounds AS
       SELECT n, now() - make_interval(days => least($1::int, (n + 1) * 31)) AS lo, now() - make_interval(days => n * 31) AS hi
         FROM generate_series(0, ceil($1::int / 31.0)::int - 1) AS n`,
      [DAYS],
    );
    await client.query("COMMIT");
    // Fresh statistics before the rollups join the events to these orders and products: a
    // planner that still thinks the tables are empty scans all orders once per paid event.
    await timed("ANALYZE", () => client.query("ANALYZE"));
    const months = (
      await client.query<{ n: number; lo: Date; hi: Date }>(`SELECT n, lo, hi FROM bench_month_bounds ORDER BY n DESC`)
    ).rows;

    // Background: listings of other shops (all of them, or a sample when the catalogue is larger).
    const background = await pickBackground(client, sellerId);
    const rollUpAnalytics = await rollupJob(url);

    let events = 0;
    for (const m of months) {
      const t = Date.now();
      await client.query("BEGIN");
      await client.query(`SELECT setseed($1)`, [m.n / 100]);
      const range = [sellerId, m.lo, m.hi, PRODUCTS, VIEWS_PER_ORDER];
      const inserted = await client.query(
        `WITH o AS (SELECT id, buyer_id, paid_at FROM orders WHERE seller_id = $1 AND paid_at >= $2 AND paid_at < $3),
         picks AS (
           -- views, carts and checkouts land on products like the sales do
           SELECT 'product_view'::"AnalyticsEventKind" AS kind, o.paid_at - make_interval(secs => random() * 86400 * 3) AS at, NULL::uuid AS order_id, o.buyer_id,
                  floor($4 * power(random(), 2))::int AS k
             FROM o CROSS JOIN generate_series(1, $5::int)
           UNION ALL SELECT 'add_to_cart', o.paid_at - make_interval(secs => random() * 86400), NULL, o.buyer_id, floor($4 * power(random(), 2))::int
             FROM o CROSS JOIN generate_series(1, 3)
           UNION ALL SELECT 'checkout_started', o.paid_at - interval '2 minutes', o.id, o.buyer_id, 0 FROM o
           UNION ALL SELECT 'checkout_started', o.paid_at - interval '3 minutes', NULL, o.buyer_id, 0 FROM o WHERE random() < 0.2
         )
         INSERT INTO analytics_events (kind, seller_id, product_id, order_id, user_id, occurred_at)
         SELECT kind, $1, CASE WHEN kind IN ('product_view', 'add_to_cart') THEN p.id END, order_id, buyer_id, greatest(at, $2)
           FROM picks JOIN bench_products p ON p.k = picks.k`,
        range,
      );
      const paid = await client.query(
        `INSERT INTO analytics_events (kind, seller_id, order_id, user_id, dedupe_key, occurred_at)
         SELECT 'order_paid'::"AnalyticsEventKind", seller_id, id, buyer_id, 'order_paid:' || id, paid_at FROM orders WHERE seller_id = $1 AND paid_at >= $2 AND paid_at < $3
         UNION ALL
         SELECT 'refund', o.seller_id, o.id, o.buyer_id, 'refund:' || o.id || ':' || r.id, r.created_at
           FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.seller_id = $1 AND r.created_at >= $2 AND r.created_at < $3`,
        [sellerId, m.lo, m.hi],
      );
      const search = await client.query(
        `WITH picks AS (
           SELECT o.paid_at - make_interval(secs => random() * 86400) AS at, floor($4 * power(random(), 2))::int AS k
             FROM orders o CROSS JOIN generate_series(1, $5::int)
            WHERE o.seller_id = $1 AND o.paid_at >= $2 AND o.paid_at < $3)
         INSERT INTO search_events (kind, query, product_id, position, created_at)
         SELECT (CASE WHEN random() < 0.1 THEN 'click' ELSE 'impression' END)::"SearchEventKind",
                'bench supply ' || (floor(power(random(), 2) * 200))::int, p.id, 1 + floor(random() * 20)::int, greatest(picks.at, $2)
           FROM picks JOIN bench_products p ON p.k = picks.k`,
        [sellerId, m.lo, m.hi, PRODUCTS, SEARCH_PER_ORDER],
      );
      await client.query("COMMIT");
      const run = await rollUpAnalytics();
      const bg = await writeBackground(client, m, background, rollUpAnalytics);
      events += (inserted.rowCount ?? 0) + (paid.rowCount ?? 0) + bg;
      say(
        `  ${m.lo.toISOString().slice(0, 10)}..${m.hi.toISOString().slice(0, 10)}: ${(inserted.rowCount ?? 0) + (paid.rowCount ?? 0)} shop events, ` +
          `${bg} background views, ${search.rowCount ?? 0} search events; rolled up ${run.events} + ${bg} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    await timed("ANALYZE", () => client.query("ANALYZE"));
    say(
      `done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${events.toLocaleString("en-US")} analytics events; ` +
        `sign in as ${BENCH_SELLER_EMAIL} / ${BENCH_SELLER_PASSWORD} to see /seller/analytics`,
    );
  } finally {
    await ((globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect() ?? Promise.resolve());
    await client.end().catch(() => {});
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[seed:events] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
