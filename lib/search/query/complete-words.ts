import "server-only";

import { readDb } from "@/lib/db/read-db";

/**
 * Words of the vocabulary (titles and category names) that start with what the buyer is
 * typing, most common first: the cheap half of suggestions (no product index is touched).
 */
export async function completeWords(prefix: string, limit: number): Promise<string[]> {
  if (prefix.length < 2) return [];
  // LIKE metacharacters cannot occur: the prefix is a normalized word (letters and digits).
  const rows = await readDb().$queryRaw<{ term: string }[]>`
    SELECT term FROM search_terms WHERE term LIKE ${`${prefix}%`} AND term <> ${prefix}
     ORDER BY doc_count DESC, term LIMIT ${limit}`;
  return rows.map((r) => r.term);
}
