// `npm run search:reindex`: rebuilds the search index from PostgreSQL with a progress bar,
// while search keeps serving. PostgreSQL engine: every product's document refreshed in place,
// in batches, then the "did you mean" vocabulary and category price medians recounted.
// Meilisearch (MEILI_HOST set): a new index filled and swapped in atomically, then the changes
// made meanwhile replayed into it. The indexer's outbox cursor is created if missing.
import { existsSync } from "node:fs";

import cliProgress from "cli-progress";

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.MARKETPLACE_PROCESS ??= "search-reindex";
process.env.LOG_LEVEL ??= "warn";

const say = (line: string) => console.log(`[search:reindex] ${line}`);
if (!process.env.DATABASE_URL) {
  console.error(
    "[search:reindex] DATABASE_URL is not set. Point it at the marketplace database (npm start prints it, or see .env.example).",
  );
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL;
const { createPrismaClient } = await import("../lib/db/client");
const { createMeiliEngine } = await import("../lib/search/engines/meili-engine");
const { createPostgresEngine } = await import("../lib/search/engines/postgres-engine");
const { reindexSearch } = await import("../lib/search/indexing/reindex-search");

// Only the database (and MEILI_HOST) are needed here, not the web app's whole environment:
// the process-wide client db() returns is this one.
const prisma = createPrismaClient(databaseUrl, 4);
(globalThis as { prisma?: unknown }).prisma = prisma;
const meiliHost = process.env.MEILI_HOST || undefined;
const engine = meiliHost
  ? createMeiliEngine({ host: meiliHost, apiKey: process.env.MEILI_API_KEY || undefined })
  : createPostgresEngine();
say(`engine: ${meiliHost ? `Meilisearch at ${meiliHost}` : "PostgreSQL full-text"}`);

const bar = new cliProgress.SingleBar(
  {
    format: "[search:reindex] [{bar}] {value}/{total} products  {percentage}%  {eta_formatted} left",
    hideCursor: true,
  },
  cliProgress.Presets.shades_classic,
);
let started = false;
const t0 = Date.now();
try {
  const result = await reindexSearch({
    engine,
    wait: false,
    connectionString: databaseUrl,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
  });
  if (started) bar.stop();
  if (result.status === "busy") {
    say("another reindex is running; try again when it has finished");
    process.exitCode = 2;
  } else
    say(
      `done: ${result.documents.toLocaleString("en-US")} searchable products in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
} catch (err) {
  if (started) bar.stop();
  console.error("[search:reindex] failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
