// `npm run bench:checkout -- --url http://localhost:3300`: load-tests checkout on a running
// marketplace, through its public HTTP API, in two parts:
//
//  steady  K buyers (default 500), each with an address, loop "add one item to the cart
//          (POST /api/v1/cart/items), then check out (POST /api/v1/orders with a fresh
//          Idempotency-Key)" from C concurrent workers for D seconds, over a pool of products
//          whose stock the setup tops up; reports the checkout call's p50/p95/p99 and orders/s
//          (and the add-to-cart call's). A buyer is used by one worker at a time, round-robin,
//          so the per-buyer checkout limit (30/min) is only reached above ~K/2 orders/s; 429s
//          are counted apart.
//  flash   one product marked hot (is_hot) with U units (default 100); A buyers (default
//          10,000) each put it in their cart, then all check out at once with at most F requests
//          in flight (default 500); reports the time to answer them all, p50/p95/p99, and the
//          units sold, verified in SQL afterwards: stock 0 and non-cancelled order items = U.
//
//  paid    the buyer's whole path with payment, on the Stripe emulator the server uses: add to
//          cart, check out (POST /api/v1/orders), get the checkout's PaymentIntent (POST
//          /api/v1/checkouts/{id}/payment), pay it with the publishable key and the 4242 test
//          card as Stripe.js does (POST /v1/payment_methods, then /v1/payment_intents/{id}/confirm
//          on the emulator), then poll GET /api/v1/checkouts/{id} until the payment_intent.succeeded
//          webhook has marked it paid. N buyers (default 200) from W workers (default 10) for S
//          seconds (default 30). Reports each step, "checkout with payment" (order + PaymentIntent
//          + confirm: what the buyer waits for before the thank-you page) and "until paid" (the
//          webhook applied, orders paid and money in escrow).
//
// Buyers are created straight in the database (one bcrypt hash from lib/auth/password.ts,
// an address each). Steady buyers sign in over HTTP like a browser (GET /api/auth/csrf, then
// POST /api/auth/callback/credentials), each from its own client address in X-Forwarded-For
// (198.18.0.0/15, the benchmarking range), as behind a load balancer: the per-IP sign-in limit
// sees many clients when the server trusts that hop (TRUSTED_PROXY_HOPS=1 on one web process),
// else one (then raise RATE_LIMIT_MULTIPLIER, docs/BENCHMARKS.md). Flash buyers are too many for bcrypt sign-ins (about 0.1 s of server
// CPU each), so their session cookies are minted with next-auth's own JWT encoder and the
// server's NEXTAUTH_SECRET (env, else --data-dir's local-config.json), exactly what a
// sign-in would have set; --auth mint does that for the steady buyers too.
// Only loopback targets are accepted. The database is DATABASE_URL, else --data-dir's embedded one.
//
// Behind haproxy (`npm start -- --web N`; --data-dir's web-processes.json says so) every request
// reaches the app from haproxy's own address, the hop lib/auth/client-ip.ts trusts, so the per-IP
// sign-in limit (30 per 15 min) would refuse the steady and paid buyers' sign-ins: they go to the
// web processes' own ports instead (round robin), where each buyer's X-Forwarded-For is the last
// hop, and the load itself still goes through --url (whose per-IP cart and checkout limits see
// one client: raise RATE_LIMIT_MULTIPLIER on the server, docs/BENCHMARKS.md). With
// web-processes.json the report adds the web processes' CPU per request (from /proc), the
// figure a busy shared machine moves least.
//
//   --url URL               the marketplace (default http://localhost:3300)
//   --buyers K              steady buyers (default 500)
//   --concurrency C         steady workers (default 50)
//   --duration S            steady seconds measured (default 30), after --warmup S (default 5)
//   --products P            products in the steady pool (default 200)
//   --flash-attempts A      flash-sale buyers, one checkout each (default 10000)
//   --flash-units U         units of the hot product (default 100)
//   --flash-concurrency F   flash checkouts in flight at once (default 500)
//   --paid-buyers N         buyers for the paid part (default 200)
//   --paid-concurrency W    paid-part workers (default 10)
//   --paid-duration S       paid-part seconds measured (default 30)
//   --stripe-url URL        the emulator's API (default: STRIPE_API_BASE, else the port in --data-dir's local-config.json)
//   --auth http|mint        how steady and paid buyers get their session (default http)
//   --only steady|flash|paid  run one part
//   --data-dir DIR          embedded PostgreSQL and local-config.json (default DATA_DIR or .data)
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { encode } from "next-auth/jwt";
import type pg from "pg";

import { hashPassword } from "../../lib/users/hash-password";
import {
  benchCli,
  cpuSeconds,
  machineLine,
  ms,
  openDatabase,
  readWebProcesses,
  recordResult,
  summarize,
  table,
  type Summary,
} from "./support";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3300" },
    buyers: { type: "string", default: "500" },
    concurrency: { type: "string", default: "50" },
    duration: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    products: { type: "string", default: "200" },
    "flash-attempts": { type: "string", default: "10000" },
    "flash-units": { type: "string", default: "100" },
    "flash-concurrency": { type: "string", default: "500" },
    "paid-buyers": { type: "string", default: "200" },
    "paid-concurrency": { type: "string", default: "10" },
    "paid-duration": { type: "string", default: "30" },
    "stripe-url": { type: "string" },
    auth: { type: "string", default: "http" },
    only: { type: "string" },
    "data-dir": { type: "string" },
  },
});

const { say, fail, wholeNumber, loopbackOrigin, requireHealthy, crash } = benchCli("bench:checkout");
const base = loopbackOrigin(args.url);
const BUYERS = wholeNumber("buyers", args.buyers, 1, 100_000);
const CONCURRENCY = wholeNumber("concurrency", args.concurrency, 1, 2000);
const DURATION = wholeNumber("duration", args.duration, 1, 3600);
const WARMUP = wholeNumber("warmup", args.warmup, 0, 600);
const PRODUCTS = wholeNumber("products", args.products, 1, 100_000);
const FLASH_ATTEMPTS = wholeNumber("flash-attempts", args["flash-attempts"], 1, 200_000);
const FLASH_UNITS = wholeNumber("flash-units", args["flash-units"], 1, 1_000_000);
const FLASH_CONCURRENCY = wholeNumber("flash-concurrency", args["flash-concurrency"], 1, 5000);
if (args.auth !== "http" && args.auth !== "mint") fail(`--auth must be http or mint, got "${args.auth}".`);
const PAID_BUYERS = wholeNumber("paid-buyers", args["paid-buyers"], 1, 100_000);
const PAID_CONCURRENCY = wholeNumber("paid-concurrency", args["paid-concurrency"], 1, 1000);
const PAID_DURATION = wholeNumber("paid-duration", args["paid-duration"], 1, 3600);
if (args.only && !["steady", "flash", "paid"].includes(args.only))
  fail(`--only must be steady, flash or paid, got "${args.only}".`);
const RUN_STEADY = !args.only || args.only === "steady";
const RUN_FLASH = !args.only || args.only === "flash";
const RUN_PAID = !args.only || args.only === "paid";
const BUYER_PASSWORD = "Bench-Buyer-2026!";
const SESSION_COOKIE = base.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
const RUN_TAG = Date.now().toString(36);
const web = readWebProcesses(args["data-dir"]);
const webPids = web?.processes.map((p) => p.pid) ?? [];
// Sign-ins bypass the balancer when --url is it (see the header): each process's own port.
const behindBalancer = web !== null && web.processes.length > 1 && new URL(web.url).port === new URL(base).port;
const signInOrigins = behindBalancer ? web!.processes.map((p) => `http://127.0.0.1:${p.port}`) : [base];

// ───────────────────────────── database ─────────────────────────────

type Buyer = {
  id: string;
  email: string;
  name: string;
  addressId: string;
  sessionId: string;
  ip: string;
  cookie: string;
};

/** Buyers with one default address and one session row (for a minted cookie) each, written straight to the database. */
async function createBuyers(
  client: pg.Client,
  count: number,
  label: string,
  passwordHash: string,
  ipOffset: number,
): Promise<Buyer[]> {
  const buyers: Buyer[] = Array.from({ length: count }, (_, k) => {
    const n = ipOffset + k;
    return {
      id: randomUUID(),
      email: `bench-${RUN_TAG}-${label}-${k}@buyers.example`,
      name: `Bench Buyer ${label} ${k}`,
      addressId: randomUUID(),
      sessionId: randomUUID(),
      ip: `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`,
      cookie: "",
    };
  });
  for (let k = 0; k < buyers.length; k += 5000) {
    const chunk = buyers.slice(k, k + 5000);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO users (id, email, name, role, password_hash, email_verified, created_at, updated_at)
       SELECT id, email, name, 'buyer', $4, now(), now(), now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, email, name)`,
      [chunk.map((b) => b.id), chunk.map((b) => b.email), chunk.map((b) => b.name), passwordHash],
    );
    await client.query(
      `INSERT INTO addresses (id, user_id, full_name, line1, city, region, postal_code, country, is_default, created_at)
       SELECT a.id, a.user_id, a.full_name, (100 + a.n) || ' Benchmark Avenue', 'Springfield', 'IL', '62701', 'US', true, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) AS a(id, user_id, full_name, n)`,
      [chunk.map((b) => b.addressId), chunk.map((b) => b.id), chunk.map((b) => b.name), chunk.map((_, i) => k + i)],
    );
    await client.query(
      `INSERT INTO user_sessions (id, user_id, method, created_at, last_seen_at)
       SELECT s.id, s.user_id, 'credentials', now(), now() FROM unnest($1::uuid[], $2::uuid[]) AS s(id, user_id)`,
      [chunk.map((b) => b.sessionId), chunk.map((b) => b.id)],
    );
    await client.query("COMMIT");
  }
  return buyers;
}

// ───────────────────────────── sessions ─────────────────────────────

function cookiesFrom(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

/** A browser's credentials sign-in: the CSRF token and its cookie, then the callback. */
async function signInOverHttp(b: Buyer, origin: string): Promise<void> {
  const headers = { "x-forwarded-for": b.ip };
  const csrfRes = await fetch(`${origin}/api/auth/csrf`, { headers });
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = [...cookiesFrom(csrfRes)].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: b.email, password: BUYER_PASSWORD, json: "true" }).toString(),
  });
  const session = cookiesFrom(res).get(SESSION_COOKIE);
  await res.arrayBuffer().catch(() => undefined);
  if (!session) throw new Error(`sign-in of ${b.email} answered ${res.status} without a session cookie`);
  b.cookie = `${SESSION_COOKIE}=${session}`;
}

/** The cookie a credentials sign-in sets: next-auth's encrypted JWT of the same claims, naming the buyer's session row. */
async function mintSession(b: Buyer, secret: string): Promise<void> {
  const token = await encode({
    token: { name: b.name, email: b.email, sub: b.id, role: "buyer", sid: b.sessionId },
    secret,
    maxAge: 24 * 3600,
  });
  b.cookie = `${SESSION_COOKIE}=${token}`;
}

/** Signs every buyer in (--auth), then checks one session works. */
async function signInAll(buyers: Buyer[], secret: string | undefined): Promise<void> {
  const failures: string[] = [];
  if (args.auth === "http" && behindBalancer)
    say(
      `signing in through the ${signInOrigins.length} web processes' own ports (behind haproxy every sign-in would come from one address)`,
    );
  await inPool(buyers, args.auth === "http" ? 8 : 50, async (b, i) => {
    try {
      if (args.auth === "http") await signInOverHttp(b, signInOrigins[i % signInOrigins.length]);
      else await mintSession(b, secret!);
    } catch (err) {
      failures.push((err as Error).message);
    }
  });
  if (failures.length > 0) fail(`${failures.length} sign-ins failed, e.g. ${failures[0]}`);
  const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: buyers[0].cookie } });
  if (me.status !== 200) fail(`GET /api/v1/me with a buyer's session answered ${me.status}`);
}

async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

// ───────────────────────────── HTTP calls ─────────────────────────────

type Call = { status: number; ms: number; code?: string; body?: Record<string, unknown> };

async function timed(path: string, init: RequestInit): Promise<Call> {
  const t = performance.now();
  try {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    const ms = performance.now() - t;
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const error = body?.error as { code?: string; message?: string } | undefined;
    return { status: res.status, ms, code: res.status >= 400 ? error?.code : undefined, body };
  } catch (err) {
    return { status: 0, ms: performance.now() - t, code: (err as Error).message };
  }
}

const addToCart = (b: Buyer, productId: string) =>
  timed("/api/v1/cart/items", {
    method: "POST",
    headers: { cookie: b.cookie, "content-type": "application/json" },
    body: JSON.stringify({ product_id: productId, quantity: 1 }),
  });

const checkout = (b: Buyer) =>
  timed("/api/v1/orders", {
    method: "POST",
    headers: { cookie: b.cookie, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ cart_id: `u:${b.id}`, shipping_address_id: b.addressId }),
  });

// ───────────────────────────── statistics ─────────────────────────────

function tally(calls: Call[]): string {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const key = c.status === 0 ? `network error (${c.code})` : c.code ? `${c.status} ${c.code}` : String(c.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}×${v}`)
    .join(", ");
}

// ───────────────────────────── the two parts ─────────────────────────────

/** Live products (active, shop and owner active) that are not hot, at random. */
async function pickProducts(client: pg.Client, count: number, exclude: string[]): Promise<string[]> {
  const [{ n }] = (
    await client.query<{ n: number }>(
      `SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'products'::regclass`,
    )
  ).rows;
  const percent = Math.min(100, ((count * 5 + 50) / Math.max(n, 1)) * 100);
  const rows = await client.query<{ id: string }>(
    `SELECT p.id::text FROM products p TABLESAMPLE BERNOULLI ($1)
       JOIN seller_profiles s ON s.id = p.seller_id JOIN users u ON u.id = s.user_id
      WHERE p.status = 'active' AND NOT p.is_hot AND s.status = 'active' AND u.status = 'active' AND NOT (p.id = ANY($3::uuid[]))
      ORDER BY random() LIMIT $2`,
    [percent, count, exclude],
  );
  return rows.rows.map((r) => r.id);
}

type SteadyResult = {
  seconds: number;
  orders: number;
  cart: Summary;
  checkout: Summary;
  checkoutCalls: Call[];
  cartCalls: Call[];
  rateLimited: number;
  /** Web processes' CPU seconds over the measured part (0 without web-processes.json). */
  cpu: number;
};

async function runSteady(buyers: Buyer[], products: string[]): Promise<SteadyResult> {
  const free = [...buyers];
  const loop = async (seconds: number, record: boolean) => {
    const cartCalls: Call[] = [];
    const checkoutCalls: Call[] = [];
    const deadline = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const b = free.shift();
        if (!b) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        try {
          const added = await addToCart(b, products[Math.floor(Math.random() * products.length)]);
          if (record) cartCalls.push(added);
          if (added.status !== 201) continue;
          const placed = await checkout(b);
          if (record) checkoutCalls.push(placed);
        } finally {
          free.push(b);
        }
      }
    };
    const t = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { cartCalls, checkoutCalls, seconds: (performance.now() - t) / 1000 };
  };
  if (WARMUP > 0) {
    say(`steady: warming up for ${WARMUP} s…`);
    await loop(WARMUP, false);
  }
  say(
    `steady: measuring for ${DURATION} s with ${CONCURRENCY} workers over ${buyers.length} buyers and ${products.length} products…`,
  );
  const cpu0 = cpuSeconds(webPids);
  const { cartCalls, checkoutCalls, seconds } = await loop(DURATION, true);
  const cpu = cpuSeconds(webPids) - cpu0;
  const ok = checkoutCalls.filter((c) => c.status === 201);
  return {
    seconds,
    cpu,
    orders: ok.length,
    cart: summarize(cartCalls.map((c) => c.ms)),
    checkout: summarize(checkoutCalls.map((c) => c.ms)),
    checkoutCalls,
    cartCalls,
    rateLimited: checkoutCalls.filter((c) => c.status === 429).length,
  };
}

type FlashResult = {
  productId: string;
  seconds: number;
  cpu: number;
  calls: Call[];
  all: Summary;
  sold: number;
  setupSeconds: number;
  stockAfter: number;
  unitsInOrders: number;
  ordersInDb: number;
};

async function runFlash(client: pg.Client, buyers: Buyer[], productId: string): Promise<FlashResult> {
  const s0 = performance.now();
  say(`flash: ${buyers.length} buyers put the hot product in their carts…`);
  const setupCalls: Call[] = [];
  await inPool(buyers, 50, async (b) => {
    setupCalls.push(await addToCart(b, productId));
  });
  const notAdded = setupCalls.filter((c) => c.status !== 201);
  if (notAdded.length > 0) say(`flash: ${notAdded.length} add-to-cart calls failed: ${tally(notAdded)}`);
  const setupSeconds = (performance.now() - s0) / 1000;

  say(`flash: ${buyers.length} checkouts of ${FLASH_UNITS} units, at most ${FLASH_CONCURRENCY} in flight…`);
  const calls: Call[] = new Array(buyers.length);
  const cpu0 = cpuSeconds(webPids);
  const t = performance.now();
  await inPool(buyers, FLASH_CONCURRENCY, async (b, i) => {
    calls[i] = await checkout(b);
  });
  const seconds = (performance.now() - t) / 1000;
  const cpu = cpuSeconds(webPids) - cpu0;

  const [row] = (
    await client.query<{ stock: number; units: string; orders: string }>(
      `SELECT p.inventory_count AS stock,
              coalesce((SELECT sum(oi.quantity) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = p.id AND o.status <> 'cancelled'), 0)::text AS units,
              (SELECT count(DISTINCT oi.order_id) FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = p.id AND o.status <> 'cancelled')::text AS orders
         FROM products p WHERE p.id = $1`,
      [productId],
    )
  ).rows;
  return {
    productId,
    seconds,
    cpu,
    calls,
    all: summarize(calls.map((c) => c.ms)),
    sold: calls.filter((c) => c.status === 201).length,
    setupSeconds,
    stockAfter: row.stock,
    unitsInOrders: Number(row.units),
    ordersInDb: Number(row.orders),
  };
}

// ───────────────────────────── checkout with payment ─────────────────────────────

type PaidSteps = {
  cart: number[];
  order: number[];
  intent: number[];
  method: number[];
  confirm: number[];
  withPayment: number[];
  untilPaid: number[];
};
type PaidResult = {
  seconds: number;
  cpu: number;
  paid: number;
  steps: PaidSteps;
  failures: string[];
  verified: { checkouts: number; paidCheckouts: number; captures: number; capturedCents: number; chargedCents: number };
};

/** A Stripe.js call: form-encoded, with the publishable key and no secret. */
async function stripeJsCall(stripeUrl: string, path: string, params: Record<string, string>): Promise<Call> {
  const t = performance.now();
  const res = await fetch(`${stripeUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  return {
    status: res.status,
    ms: performance.now() - t,
    code: (body.error as { code?: string } | undefined)?.code,
    body,
  };
}

const sleep = (msecs: number) => new Promise((r) => setTimeout(r, msecs));

/** One buyer's add to cart, checkout, payment and wait for the webhook; throws a short reason on any unexpected answer. */
async function onePaidCheckout(
  b: Buyer,
  productId: string,
  stripeUrl: string,
  steps: PaidSteps,
  checkoutIds: string[],
): Promise<void> {
  const expect = (c: Call, status: number, what: string) => {
    if (c.status !== status) throw new Error(`${what}: ${c.status}${c.code ? ` ${c.code}` : ""}`);
    return c.body ?? {};
  };
  const added = await addToCart(b, productId);
  expect(added, 201, "add to cart");
  steps.cart.push(added.ms);
  const t0 = performance.now();
  const placed = await checkout(b);
  const checkoutId = expect(placed, 201, "checkout").checkout_id as string;
  checkoutIds.push(checkoutId);
  steps.order.push(placed.ms);
  const intent = await timed(`/api/v1/checkouts/${checkoutId}/payment`, {
    method: "POST",
    headers: { cookie: b.cookie },
  });
  const pi = expect(intent, 200, "payment intent") as {
    payment_intent_id: string;
    client_secret: string;
    publishable_key: string;
  };
  steps.intent.push(intent.ms);
  const method = await stripeJsCall(stripeUrl, "/v1/payment_methods", {
    key: pi.publishable_key,
    type: "card",
    "card[number]": "4242424242424242",
    "card[exp_month]": "12",
    "card[exp_year]": "2034",
    "card[cvc]": "123",
  });
  const pm = expect(method, 200, "payment method") as { id: string };
  steps.method.push(method.ms);
  const confirmed = await stripeJsCall(stripeUrl, `/v1/payment_intents/${pi.payment_intent_id}/confirm`, {
    key: pi.publishable_key,
    client_secret: pi.client_secret,
    payment_method: pm.id,
  });
  if (expect(confirmed, 200, "confirm").status !== "succeeded")
    throw new Error(`confirm: PaymentIntent ${String(confirmed.body?.status)}`);
  steps.confirm.push(confirmed.ms);
  steps.withPayment.push(performance.now() - t0);
  // Poll gently (every 100 ms), so the polling itself does not load the server it measures.
  for (const until = performance.now() + 30_000; performance.now() < until; await sleep(100)) {
    const c = await timed(`/api/v1/checkouts/${checkoutId}`, { headers: { cookie: b.cookie } });
    if (expect(c, 200, "checkout status").status === "paid") {
      steps.untilPaid.push(performance.now() - t0);
      return;
    }
  }
  throw new Error("not paid 30 s after the payment succeeded");
}

async function runPaid(client: pg.Client, buyers: Buyer[], products: string[], stripeUrl: string): Promise<PaidResult> {
  const steps: PaidSteps = { cart: [], order: [], intent: [], method: [], confirm: [], withPayment: [], untilPaid: [] };
  const failures: string[] = [];
  const checkoutIds: string[] = [];
  const free = [...buyers];
  const deadline = performance.now() + PAID_DURATION * 1000;
  say(
    `paid: measuring for ${PAID_DURATION} s with ${PAID_CONCURRENCY} workers over ${buyers.length} buyers, paying on ${stripeUrl}…`,
  );
  const cpu0 = cpuSeconds(webPids);
  const t = performance.now();
  await Promise.all(
    Array.from({ length: PAID_CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const b = free.shift();
        if (!b) {
          await sleep(5);
          continue;
        }
        try {
          await onePaidCheckout(
            b,
            products[Math.floor(Math.random() * products.length)],
            stripeUrl,
            steps,
            checkoutIds,
          );
        } catch (err) {
          failures.push((err as Error).message);
        } finally {
          free.push(b);
        }
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  const cpu = cpuSeconds(webPids) - cpu0;
  // What the database holds for these checkouts: each paid, each order's capture recorded once.
  const [row] = (
    await client.query<{ checkouts: string; paid: string; captures: string; captured: string; charged: string }>(
      `SELECT count(*)::text AS checkouts, count(*) FILTER (WHERE c.status = 'paid')::text AS paid,
              (SELECT count(*) FROM ledger_entries l JOIN orders o ON o.id = l.order_id WHERE o.checkout_id = ANY($1::uuid[]) AND l.entry_type = 'capture')::text AS captures,
              (SELECT coalesce(sum(l.amount_cents), 0) FROM ledger_entries l JOIN orders o ON o.id = l.order_id WHERE o.checkout_id = ANY($1::uuid[]) AND l.entry_type = 'capture')::text AS captured,
              coalesce(sum(c.total_cents) FILTER (WHERE c.status = 'paid'), 0)::text AS charged
         FROM checkouts c WHERE c.id = ANY($1::uuid[])`,
      [checkoutIds],
    )
  ).rows;
  return {
    seconds,
    cpu,
    paid: steps.untilPaid.length,
    steps,
    failures,
    verified: {
      checkouts: Number(row.checkouts),
      paidCheckouts: Number(row.paid),
      captures: Number(row.captures),
      capturedCents: Number(row.captured),
      chargedCents: Number(row.charged),
    },
  };
}

/** "web CPU: 12.3 s in 10.0 s (62% of 2 cores), 1.2 ms per checkout", or why it is not known. */
function webCpuLine(part: string, cpu: number, seconds: number, count: number, per: string): string {
  if (webPids.length === 0) return `${part}: web CPU not measured (no web-processes.json in --data-dir)`;
  const cores = availableParallelism();
  return `${part}: web processes' CPU ${cpu.toFixed(1)} s in ${seconds.toFixed(1)} s (${((cpu / seconds / cores) * 100).toFixed(0)}% of ${cores} cores), ${count > 0 ? ((cpu * 1000) / count).toFixed(2) : "-"} ms per ${per}`;
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  await requireHealthy(base);
  const db = await openDatabase(args["data-dir"]);
  const { client } = db;
  const secret = process.env.NEXTAUTH_SECRET ?? db.local.NEXTAUTH_SECRET;
  const needMint = RUN_FLASH || args.auth === "mint";
  if (needMint && !secret)
    fail(
      "minting sessions needs the server's NEXTAUTH_SECRET: set it, or pass the server's --data-dir (its local-config.json has it).",
    );
  const stripeUrl = (
    args["stripe-url"] ??
    process.env.STRIPE_API_BASE ??
    (db.local.STRIPE_EMULATOR_PORT ? `http://127.0.0.1:${db.local.STRIPE_EMULATOR_PORT}` : "")
  ).replace(/\/$/, "");
  if (RUN_PAID && !stripeUrl)
    fail("the paid part needs the Stripe emulator the server uses: pass --stripe-url, or the server's --data-dir.");
  say(machineLine());

  let steady: SteadyResult | undefined;
  let flash: FlashResult | undefined;
  let paid: PaidResult | undefined;
  try {
    const passwordHash = await hashPassword(BUYER_PASSWORD);
    let steadyProducts: string[] = [];
    if (RUN_STEADY) {
      const s0 = performance.now();
      const buyers = await createBuyers(client, BUYERS, "steady", passwordHash, 0);
      steadyProducts = await pickProducts(client, PRODUCTS, []);
      if (steadyProducts.length === 0)
        fail("no live products to buy; seed some first (npm run seed:catalog -- --products N).");
      // Plenty of stock, so the steady run measures checkout and never "sold out".
      await client.query(
        `UPDATE products SET inventory_count = greatest(inventory_count, 100000) WHERE id = ANY($1::uuid[])`,
        [steadyProducts],
      );
      say(
        `steady: ${buyers.length} buyers created; signing them in (${args.auth === "http" ? "over HTTP, credentials" : "minted session cookies"})…`,
      );
      await signInAll(buyers, secret);
      say(`steady: setup took ${((performance.now() - s0) / 1000).toFixed(1)} s`);
      steady = await runSteady(buyers, steadyProducts);
    }

    if (RUN_FLASH) {
      const s0 = performance.now();
      const [hot] = await pickProducts(client, 1, steadyProducts);
      if (!hot) fail("no live product left to make hot.");
      await client.query(`UPDATE products SET inventory_count = $2, is_hot = true, updated_at = now() WHERE id = $1`, [
        hot,
        FLASH_UNITS,
      ]);
      const buyers = await createBuyers(client, FLASH_ATTEMPTS, "flash", passwordHash, BUYERS);
      await inPool(buyers, 50, (b) => mintSession(b, secret!));
      const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: buyers[0].cookie } });
      if (me.status !== 200)
        fail(`GET /api/v1/me with a minted session answered ${me.status}; is the secret the server's?`);
      say(
        `flash: hot product ${hot} with ${FLASH_UNITS} units; ${buyers.length} buyers ready in ${((performance.now() - s0) / 1000).toFixed(1)} s`,
      );
      flash = await runFlash(client, buyers, hot);
    }

    if (RUN_PAID) {
      const s0 = performance.now();
      const buyers = await createBuyers(client, PAID_BUYERS, "paid", passwordHash, BUYERS + FLASH_ATTEMPTS);
      const products = steadyProducts.length > 0 ? steadyProducts : await pickProducts(client, PRODUCTS, []);
      if (products.length === 0)
        fail("no live products to buy; seed some first (npm run seed:catalog -- --products N).");
      await client.query(
        `UPDATE products SET inventory_count = greatest(inventory_count, 100000) WHERE id = ANY($1::uuid[])`,
        [products],
      );
      await signInAll(buyers, secret);
      say(`paid: ${buyers.length} buyers ready in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
      paid = await runPaid(client, buyers, products, stripeUrl);
    }
  } finally {
    await db.close();
  }

  console.log("");
  const rows: string[][] = [["measure", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "rate"]];
  if (steady) {
    rows.push([
      "steady: add to cart",
      String(steady.cart.n),
      ms(steady.cart.p50),
      ms(steady.cart.p95),
      ms(steady.cart.p99),
      ms(steady.cart.max),
      `${(steady.cart.n / steady.seconds).toFixed(1)}/s`,
    ]);
    rows.push([
      "steady: checkout (POST /orders)",
      String(steady.checkout.n),
      ms(steady.checkout.p50),
      ms(steady.checkout.p95),
      ms(steady.checkout.p99),
      ms(steady.checkout.max),
      `${(steady.orders / steady.seconds).toFixed(1)} orders/s`,
    ]);
  }
  if (flash)
    rows.push([
      `flash: checkout, ${FLASH_CONCURRENCY} in flight`,
      String(flash.all.n),
      ms(flash.all.p50),
      ms(flash.all.p95),
      ms(flash.all.p99),
      ms(flash.all.max),
      `all answered in ${flash.seconds.toFixed(2)} s`,
    ]);
  if (paid) {
    const st = paid.steps;
    const line = (label: string, values: number[], rate = "") => {
      const x = summarize(values);
      rows.push([label, String(x.n), ms(x.p50), ms(x.p95), ms(x.p99), ms(x.max), rate]);
    };
    line("paid: add to cart", st.cart);
    line("paid: checkout (POST /orders)", st.order);
    line("paid: PaymentIntent (POST /checkouts/{id}/payment)", st.intent);
    line("paid: card (emulator /v1/payment_methods)", st.method);
    line("paid: confirm (emulator /confirm)", st.confirm);
    line(
      "paid: checkout with payment (order+intent+card+confirm)",
      st.withPayment,
      `${(st.withPayment.length / paid.seconds).toFixed(1)} paid checkouts/s`,
    );
    line("paid: until the webhook marked it paid", st.untilPaid);
  }
  console.log(table(rows));
  console.log("");
  const record = (measure: string, x: Summary, rate: number, unit: string, note?: string) =>
    recordResult({ bench: "bench:checkout", measure, n: x.n, p50: x.p50, p95: x.p95, p99: x.p99, rate, unit, note });
  if (steady)
    record(
      `checkout (POST /orders), ${CONCURRENCY} workers`,
      steady.checkout,
      steady.orders / steady.seconds,
      "orders/s",
      `answers: ${tally(steady.checkoutCalls)}`,
    );
  if (flash)
    record(
      `flash sale, ${flash.calls.length} buyers for ${FLASH_UNITS} units`,
      flash.all,
      flash.calls.length / flash.seconds,
      "answers/s",
      `all answered in ${flash.seconds.toFixed(2)} s; sold ${flash.sold}, stock left ${flash.stockAfter}, units in orders ${flash.unitsInOrders}`,
    );
  if (paid)
    record(
      `checkout with payment (order+intent+card+confirm), ${PAID_CONCURRENCY} workers`,
      summarize(paid.steps.withPayment),
      paid.steps.withPayment.length / paid.seconds,
      "paid checkouts/s",
    );
  if (steady) {
    say(
      `steady: ${steady.orders} orders in ${steady.seconds.toFixed(1)} s = ${(steady.orders / steady.seconds).toFixed(1)} orders/s; checkout answers: ${tally(steady.checkoutCalls)}; add-to-cart answers: ${tally(steady.cartCalls)}`,
    );
    say(
      webCpuLine(
        "steady",
        steady.cpu,
        steady.seconds,
        steady.checkoutCalls.length + steady.cartCalls.length,
        "request (add to cart or checkout)",
      ),
    );
    if (steady.rateLimited > 0)
      say(`steady: ${steady.rateLimited} checkouts were rate-limited (429, 30/min per buyer): use more --buyers`);
  }
  if (flash) {
    const exact = flash.sold === FLASH_UNITS && flash.stockAfter === 0 && flash.unitsInOrders === FLASH_UNITS;
    say(
      `flash: ${flash.calls.length} attempts answered in ${flash.seconds.toFixed(2)} s (${(flash.calls.length / flash.seconds).toFixed(0)}/s); answers: ${tally(flash.calls)}; cart setup took ${flash.setupSeconds.toFixed(1)} s`,
    );
    say(
      `flash: verified in SQL: stock left ${flash.stockAfter}, units in non-cancelled orders ${flash.unitsInOrders} (${flash.ordersInDb} orders), 201 answers ${flash.sold}: ${exact ? `exactly ${FLASH_UNITS} sold ✔` : "MISMATCH ✘"}`,
    );
    say(webCpuLine("flash", flash.cpu, flash.seconds, flash.calls.length, "checkout"));
    if (!exact) process.exitCode = 2;
  }
  if (paid) {
    say(webCpuLine("paid", paid.cpu, paid.seconds, paid.paid, "paid checkout (all its requests)"));
    const v = paid.verified;
    const reasons = new Map<string, number>();
    for (const f of paid.failures) reasons.set(f, (reasons.get(f) ?? 0) + 1);
    if (paid.failures.length > 0)
      say(`paid: ${paid.failures.length} buyer paths failed: ${[...reasons].map(([k, n]) => `${k} ×${n}`).join("; ")}`);
    const exact = v.paidCheckouts === paid.paid && v.capturedCents === v.chargedCents;
    say(
      `paid: verified in SQL: ${v.checkouts} checkouts, ${v.paidCheckouts} paid, ${v.captures} capture entries for ${(v.capturedCents / 100).toFixed(2)} captured vs ${(v.chargedCents / 100).toFixed(2)} paid: ${exact ? "every paid checkout captured exactly once ✔" : "MISMATCH ✘"}`,
    );
    if (!exact) process.exitCode = 2;
  }
  say(`${machineLine()}; target ${base}`);
}

main().catch(crash);
