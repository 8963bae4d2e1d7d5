import "server-only";

import { redis } from "@/lib/redis/client";

import { SEARCH_GENERATION_KEY } from "../search-config";

/**
 * Makes every cached search stale (search-cache.ts): called right after the index changed
 * (the indexer's transaction committed, a reindex finished). Without Redis there is nothing
 * shared to expire. A failed bump is not an indexing failure: the entries still expire by
 * their TTL.
 */
export async function bumpSearchGeneration(): Promise<void> {
  await redis()
    ?.incr(SEARCH_GENERATION_KEY)
    .catch(() => {});
}
