// Runs before every integration test file: the file gets its own database, and code that
// reads the environment (db(), env()) points at it.
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./db";
import { TEST_ENV } from "./test-env";

for (const [k, v] of Object.entries(TEST_ENV)) process.env[k] ??= v;

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
(globalThis as { prisma?: unknown }).prisma = database.prisma;

afterAll(async () => {
  await database.drop();
});

const redisUrl = inject("redisUrl");
if (redisUrl) {
  process.env.REDIS_URL = redisUrl;
  // Test files share one Redis server; a prefix per file keeps their keys apart.
  process.env.REDIS_KEY_PREFIX = `${database.url.split("/").pop()}:`;
}
