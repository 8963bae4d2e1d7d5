// Near-real-time indexing: a worker job that LISTENs for outbox inserts (a trigger NOTIFYs
// at commit) and drains the outbox within tens of milliseconds, polling every second as a
// fallback. The job is scheduled every minute and runs for just under a minute, so one is
// always listening; a crashed worker's successor resumes from the cursor.
import "server-only";

import pg from "pg";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

import { getSearchEngine } from "../engines/get-search-engine";
import type { SearchEngine } from "../search-types";
import { drainSearchOutboxFully } from "./drain-search-outbox";
import { ensureSearchBootstrapped } from "./ensure-search-bootstrapped";

/** How long one scheduled run listens; the cron starts the next each minute. */
export const SEARCH_INDEXER_RUN_MS = 58_000;
const NOTIFY_CHANNEL = "outbox_events";
/** Notifications arriving this close together are drained together. */
const COALESCE_MS = 25;
const POLL_MS = 1000;
/** Products changed this recently are re-synced when a run starts (safety net for any missed event). */
const RESYNC_WINDOW = "3 minutes";
const MAX_CONSECUTIVE_FAILURES = 5;

/** Re-syncs products changed in the last few minutes; idempotent, cheap, and closes any gap a crash could leave. */
export async function resyncRecentProducts(engine: SearchEngine = getSearchEngine()): Promise<number> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT DISTINCT aggregate_id AS id FROM outbox_events
     WHERE aggregate_type = 'product'
       AND id > (SELECT coalesce(max(id), 0) - 50000 FROM outbox_events)
       AND created_at > now() - ${RESYNC_WINDOW}::interval`;
  for (let i = 0; i < rows.length; i += 500) await engine.syncProducts(rows.slice(i, i + 500).map((r) => r.id));
  return rows.length;
}

/** Listens and drains for `durationMs` (or until the process is asked to stop). Returns events processed. */
export async function runSearchIndexer(opts: {
  durationMs: number;
  engine?: SearchEngine;
  pollMs?: number;
}): Promise<number> {
  const engine = opts.engine ?? getSearchEngine();
  const deadline = Date.now() + opts.durationMs;
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  // Only when the process already handles these signals (the worker does): a listener
  // would otherwise replace the default of exiting.
  const signals = (["SIGTERM", "SIGINT"] as const).filter((sig) => process.listenerCount(sig) > 0);
  for (const sig of signals) process.once(sig, stop);

  const listener = new pg.Client({ connectionString: env().DATABASE_URL });
  let listening = false;
  listener.on("error", (err) => {
    listening = false;
    logger.warn({ err }, "search indexer: listen connection lost; polling");
  });
  let notified = false;
  listener.on("notification", () => {
    notified = true;
    setTimeout(() => wake?.(), COALESCE_MS);
  });

  let processed = 0;
  let failures = 0;
  try {
    await ensureSearchBootstrapped({ engine });
    await resyncRecentProducts(engine);
    try {
      await listener.connect();
      await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
      listening = true;
    } catch (err) {
      logger.warn({ err }, "search indexer: cannot LISTEN; polling");
    }
    while (!stopping && Date.now() < deadline) {
      notified = false;
      try {
        processed += await drainSearchOutboxFully({ engine });
        failures = 0;
      } catch (err) {
        logger.error({ err }, "search indexer: drain failed; retrying");
        // The database is gone or refusing: end this run; the next scheduled one starts fresh.
        if (++failures >= MAX_CONSECUTIVE_FAILURES) throw err;
      }
      const wait = Math.min(listening ? (opts.pollMs ?? POLL_MS) : 250, deadline - Date.now());
      if (wait <= 0 || stopping) break;
      // A commit announced while draining may not have been read yet.
      if (notified) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    for (const sig of signals) process.off(sig, stop);
    await listener.end().catch(() => {});
  }
  return processed;
}
