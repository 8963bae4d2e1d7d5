import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { drainSearchOutbox, SEARCH_CONSUMER } from "./drain-search-outbox";
import type { SearchEngine } from "./search-types";

const CHECK_EVERY_MS = 1000;
const BATCH = 200;

const g = globalThis as unknown as { searchCatchUpAt?: number };

/**
 * Read-your-writes even before the worker's indexer is listening (it starts on the minute) or
 * while it is down: when the outbox has events past the indexer's cursor, a search drains one
 * batch itself first. Checked at most once a second per process, and only for the PostgreSQL
 * engine, whose drain is one local transaction; with the worker keeping up there is nothing
 * to do, and a drain already running elsewhere makes this one a no-op (advisory lock).
 */
export async function catchUpSearchIndex(engine: SearchEngine): Promise<void> {
  if (!engine.syncInTransaction) return;
  const now = Date.now();
  if (now - (g.searchCatchUpAt ?? 0) < CHECK_EVERY_MS) return;
  g.searchCatchUpAt = now;
  try {
    const [row] = await db().$queryRaw<{ behind: boolean }[]>`
      SELECT coalesce((SELECT max(id) FROM outbox_events) > c.last_id, false) AS behind
        FROM outbox_cursors c WHERE c.consumer = ${SEARCH_CONSUMER}`;
    if (row?.behind) await drainSearchOutbox({ engine, batchSize: BATCH });
  } catch (err) {
    logger.warn({ err }, "search: inline catch-up of the index failed");
  }
}
