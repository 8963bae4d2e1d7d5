// Runs before every integration test file: the file gets its own database, and code that
// reads the environment (db(), env()) points at it.
import { AsyncLocalStorage } from "node:async_hooks";

import { afterAll, afterEach, expect, inject } from "vitest";

import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";

import { createTestDatabase } from "./db";
import { TEST_ENV } from "./test-env";

for (const [k, v] of Object.entries(TEST_ENV)) process.env[k] ??= v;

// Next's server sets this global before loading its request storage; test/as-request.ts runs
// real route handlers and server actions inside that storage.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
(globalThis as { prisma?: unknown }).prisma = database.prisma;

// The escrow ledger's invariants hold after every integration test, whatever it did.
afterEach(async () => {
  const { ok, results } = await checkLedgerInvariants();
  expect(
    ok,
    results
      .filter((r) => !r.ok)
      .map((r) => `${r.name}: ${r.detail}`)
      .join("\n"),
  ).toBe(true);
});

afterAll(async () => {
  await database.drop();
});

process.env.STRIPE_API_BASE = inject("stripeApiBase");
process.env.CARRIER_API_URL = inject("carrierApiUrl");

const redisUrl = inject("redisUrl");
if (redisUrl) {
  process.env.REDIS_URL = redisUrl;
  // Test files share one Redis server; a prefix per file keeps their keys apart.
  process.env.REDIS_KEY_PREFIX = `${database.url.split("/").pop()}:`;
}
