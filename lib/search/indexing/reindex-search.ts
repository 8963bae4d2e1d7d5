import "server-only";

import { db } from "@/lib/db/client";

import { getSearchEngine } from "../engines/get-search-engine";
import { invalidateCategoryMedians } from "../rank/load-ranking-signals";
import type { SearchEngine } from "../search-types";
import { bumpSearchGeneration } from "./bump-search-generation";
import { SEARCH_CONSUMER, SEARCH_REINDEX_LOCK, withAdvisoryLock } from "./drain-search-outbox";

export type ReindexResult = { status: "done"; documents: number; ms: number } | { status: "busy" };

/**
 * Rebuilds the search index from PostgreSQL while search keeps serving (PostgreSQL: documents
 * refreshed in place, batch by batch; Meilisearch: a new index filled, then swapped in).
 * The indexer keeps draining meanwhile. Creates the indexer's cursor if it has none, at the
 * outbox position from before the rebuild, so no change made during it is missed.
 */
export async function reindexSearch(
  opts: {
    engine?: SearchEngine;
    onProgress?: (done: number, total: number) => void;
    wait?: boolean;
    connectionString?: string;
  } = {},
): Promise<ReindexResult> {
  const engine = opts.engine ?? getSearchEngine();
  const result = await withAdvisoryLock(
    SEARCH_REINDEX_LOCK,
    async () => {
      const started = Date.now();
      const [{ mark }] = await db().$queryRaw<
        { mark: bigint }[]
      >`SELECT coalesce(max(id), 0) AS mark FROM outbox_events`;
      const { documents } = await engine.reindex({ onProgress: opts.onProgress });
      await db().$executeRaw`
        INSERT INTO outbox_cursors (consumer, last_id, updated_at) VALUES (${SEARCH_CONSUMER}, ${mark}, CURRENT_TIMESTAMP)
        ON CONFLICT (consumer) DO NOTHING`;
      invalidateCategoryMedians();
      await bumpSearchGeneration();
      return { status: "done" as const, documents, ms: Date.now() - started };
    },
    { wait: opts.wait, connectionString: opts.connectionString },
  );
  return result ?? { status: "busy" };
}
