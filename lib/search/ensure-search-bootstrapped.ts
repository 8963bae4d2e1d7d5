import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { SEARCH_CONSUMER } from "./drain-search-outbox";
import { reindexSearch } from "./reindex-search";
import type { SearchEngine } from "./search-types";

const g = globalThis as unknown as { searchBootstrapped?: boolean; searchBootstrapDeferredUntil?: number };
/** After deferring to the worker, a process looks again this much later (not on every search). */
const RECHECK_MS = 30_000;

async function hasCursor(): Promise<boolean> {
  const rows = await db().$queryRaw<
    { one: number }[]
  >`SELECT 1 AS one FROM outbox_cursors WHERE consumer = ${SEARCH_CONSUMER}`;
  return rows.length > 0;
}

/**
 * The first time the indexer (or, for a small catalogue, a search) finds no cursor, the index
 * is built from scratch: products written without outbox events (the demo seed, bulk loads)
 * become searchable. `maxProducts` keeps a web request from building a big catalogue's index;
 * the worker does that.
 */
export async function ensureSearchBootstrapped(
  opts: { engine?: SearchEngine; maxProducts?: number } = {},
): Promise<"ready" | "bootstrapped" | "deferred"> {
  if (g.searchBootstrapped) return "ready";
  if (opts.maxProducts != null && (g.searchBootstrapDeferredUntil ?? 0) > Date.now()) return "deferred";
  if (await hasCursor()) {
    g.searchBootstrapped = true;
    return "ready";
  }
  if (opts.maxProducts != null) {
    const [{ n }] = await db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM (SELECT 1 FROM products LIMIT ${opts.maxProducts + 1}) p`;
    if (n > opts.maxProducts) {
      g.searchBootstrapDeferredUntil = Date.now() + RECHECK_MS;
      return "deferred";
    }
  }
  const result = await reindexSearch({ engine: opts.engine, wait: true });
  if (result.status === "done") logger.info({ documents: result.documents, ms: result.ms }, "search index built");
  g.searchBootstrapped = await hasCursor();
  return "bootstrapped";
}

/** Testing hook: forget that this process saw the index bootstrapped. */
export function forgetSearchBootstrap(): void {
  g.searchBootstrapped = false;
  g.searchBootstrapDeferredUntil = 0;
}
