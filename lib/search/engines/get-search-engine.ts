import "server-only";

import { env } from "@/lib/env";

import type { SearchEngine } from "../search-types";
import { createMeiliEngine } from "./meili-engine";
import { createPostgresEngine } from "./postgres-engine";

const globalForSearch = globalThis as unknown as { searchEngine?: SearchEngine };

/** Meilisearch when MEILI_HOST is set, else PostgreSQL full-text search; one per process. */
export function getSearchEngine(): SearchEngine {
  globalForSearch.searchEngine ??= (() => {
    const { MEILI_HOST, MEILI_API_KEY } = env();
    return MEILI_HOST ? createMeiliEngine({ host: MEILI_HOST, apiKey: MEILI_API_KEY }) : createPostgresEngine();
  })();
  return globalForSearch.searchEngine;
}
