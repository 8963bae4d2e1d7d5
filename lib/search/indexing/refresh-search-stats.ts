import "server-only";

import { db } from "@/lib/db/client";

import { invalidateCategoryMedians } from "../rank/load-ranking-signals";
import { bumpSearchGeneration } from "./bump-search-generation";

/**
 * Hourly upkeep of what ranking and "did you mean" read besides the documents: category
 * median prices and the vocabulary's word counts (the indexer only adds new words).
 */
export async function refreshSearchStats(): Promise<{ categories: number; terms: number }> {
  const [{ categories }] = await db().$queryRaw<
    { categories: number }[]
  >`SELECT refresh_search_category_prices() AS categories`;
  const [{ terms }] = await db().$queryRaw<{ terms: number }[]>`SELECT rebuild_search_terms() AS terms`;
  invalidateCategoryMedians();
  // Ranking (medians) and "did you mean" (vocabulary) read these: cached searches go stale.
  await bumpSearchGeneration();
  return { categories, terms };
}
