import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import type { SearchEngine } from "../search-types";
import { SEARCH_CONSUMER } from "./drain-search-outbox";
import { reindexSearch } from "./reindex-search";

const g = globalThis as unknown as { searchBootstrapped?: boolean };

async function hasCursor(): Promise<boolean> {
  const rows = await db().$queryRaw<
    { one: number }[]
  >`SELECT 1 AS one FROM outbox_cursors WHERE consumer = ${SEARCH_CONSUMER}`;
  return rows.length > 0;
}

/**
 * The first time the indexer (or `npm start`, right after seeding) finds no cursor, the index
 * is built from scratch: products written without outbox events (the demo seed, bulk loads)
 * become searchable. Searches never build or catch up the index themselves: the worker's
 * indexer does, so a search costs the same whatever the index's state.
 */
export async function ensureSearchBootstrapped(
  opts: { engine?: SearchEngine } = {},
): Promise<"ready" | "bootstrapped"> {
  if (g.searchBootstrapped) return "ready";
  if (await hasCursor()) {
    g.searchBootstrapped = true;
    return "ready";
  }
  const result = await reindexSearch({ engine: opts.engine, wait: true });
  if (result.status === "done") logger.info({ documents: result.documents, ms: result.ms }, "search index built");
  g.searchBootstrapped = await hasCursor();
  return "bootstrapped";
}

/** Testing hook: forget that this process saw the index bootstrapped. */
export function forgetSearchBootstrap(): void {
  g.searchBootstrapped = false;
}
