import "server-only";

import { readDb } from "@/lib/db/read-db";

import { searchCache } from "../search-cache";
import { SPELLING_CACHE_SECONDS } from "../search-config";

type Spelling = { corrected: string[] | null; unknown: Set<string> };

/**
 * Spelling correction from the vocabulary of titles and category names (search_terms),
 * by trigram similarity: each word the vocabulary lacks is replaced by its closest known
 * word, preferring common ones. Returns the corrected words, or null when nothing changes.
 */
export async function correctSpelling(tokens: string[]): Promise<string[] | null> {
  return (await checkSpelling(tokens)).corrected;
}

/**
 * correctSpelling, plus the words the vocabulary does not know (none: nothing is misspelled).
 * Shared by every web process for a while (search-cache.ts): the vocabulary changes only
 * through indexing, which makes the cached answers stale.
 */
export async function checkSpelling(tokens: string[]): Promise<Spelling> {
  const cache = searchCache();
  const key = cache.key("spelling", tokens);
  const {
    generation,
    values: [hit],
  } = await cache.read<{ corrected: string[] | null; unknown: string[] }>([key]);
  if (hit) return { corrected: hit.corrected, unknown: new Set(hit.unknown) };
  const spelling = await lookUpSpelling(tokens);
  cache.write(
    generation,
    key,
    { corrected: spelling.corrected, unknown: [...spelling.unknown] },
    SPELLING_CACHE_SECONDS,
  );
  return spelling;
}

async function lookUpSpelling(tokens: string[]): Promise<Spelling> {
  const candidates = [...new Set(tokens.filter((t) => t.length >= 3 && !/^\d+$/.test(t)))];
  if (candidates.length === 0) return { corrected: null, unknown: new Set() };
  const rows = await readDb().$queryRaw<{ token: string; known: boolean; best: string | null }[]>`
    SELECT t.token, k.term IS NOT NULL AS known,
           CASE WHEN k.term IS NULL THEN (
             SELECT s.term FROM search_terms s
              WHERE s.term % t.token
              ORDER BY similarity(s.term, t.token) DESC, s.doc_count DESC, s.term
              LIMIT 1) END AS best
      FROM unnest(${candidates}::text[]) AS t(token)
      LEFT JOIN search_terms k ON k.term = t.token`;
  const unknown = new Set(rows.filter((r) => !r.known).map((r) => r.token));
  const replace = new Map(
    rows.filter((r) => !r.known && r.best && r.best !== r.token).map((r) => [r.token, r.best as string]),
  );
  if (replace.size === 0) return { corrected: null, unknown };
  return { corrected: tokens.map((t) => replace.get(t) ?? t), unknown };
}
