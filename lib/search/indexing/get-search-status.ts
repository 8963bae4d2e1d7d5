import "server-only";

import { db } from "@/lib/db/client";

import { getSearchEngine } from "../engines/get-search-engine";
import { SEARCH_CONSUMER } from "./drain-search-outbox";

export type SearchStatus = {
  engine: string;
  documents: number | null;
  cursor: string | null;
  latestEvent: string | null;
  pendingEvents: number;
  indexedAt: Date | null;
};

/** For admins: which engine serves search and how far the indexer is behind the outbox. */
export async function getSearchStatus(): Promise<SearchStatus> {
  const engine = getSearchEngine();
  const [row] = await db().$queryRaw<
    { cursor: bigint | null; latest: bigint | null; pending: number; indexed_at: Date | null }[]
  >`
    SELECT c.last_id AS cursor, (SELECT max(id) FROM outbox_events) AS latest,
           (SELECT count(*)::int FROM (SELECT 1 FROM outbox_events e WHERE e.id > coalesce(c.last_id, 0) LIMIT 100000) p) AS pending,
           c.updated_at AS indexed_at
      FROM (SELECT 1) one LEFT JOIN outbox_cursors c ON c.consumer = ${SEARCH_CONSUMER}`;
  const documents =
    engine.name === "postgres"
      ? (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM product_search_documents`)[0].n
      : null;
  return {
    engine: engine.name,
    documents,
    cursor: row.cursor?.toString() ?? null,
    latestEvent: row.latest?.toString() ?? null,
    pendingEvents: row.pending,
    indexedAt: row.indexed_at,
  };
}
