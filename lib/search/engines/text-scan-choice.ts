// How the pool of a word search is read. The pool is the first RECALL_LIMIT matches in no
// order, and PostgreSQL offers two ways to get them:
// - the GIN index: a bitmap of EVERY matching document is built before the heap scan returns
//   its first row, so the cost grows with the number of matches (M);
// - a sequential scan in physical order that stops at RECALL_LIMIT matches: it reads about
//   RECALL_LIMIT × N / M rows (N = documents), so it gets cheaper as M grows.
// Both return the same rows (the heap scan of a bitmap also visits pages in physical order).
// The planner does not weigh these well for a LIMIT over a bitmap, so the engine chooses:
// equal cost where M² ≈ SCAN_BREAK_EVEN × N, measured on this schema at 1M documents
// (~55k matches: "furniture", 67k matches, bitmap 87 ms against scan 38 ms; "classic", 38k,
// 36 ms against 56 ms; "yusuf", 4k, 19 ms against 394 ms) and at 10M (docs/BENCHMARKS.md).
import { RECALL_LIMIT } from "../search-config";

const SCAN_BREAK_EVEN = 3000;

/** True when a physical-order scan gets the pool faster than the index for `estimate` matches of `documents`. */
export function scanBeatsIndex(estimate: number, documents: number): boolean {
  if (!(estimate > 0) || !(documents > 0)) return false;
  // Fewer matches than the pool: the scan would read the whole table.
  if (estimate <= RECALL_LIMIT * 2) return false;
  return estimate * estimate > SCAN_BREAK_EVEN * documents;
}

/**
 * A small per-process cache of the planner's estimates by statement (tsquery and filters), so a
 * repeated query does not pay the extra EXPLAIN; estimates change slowly (ANALYZE), so ten
 * minutes is fresh enough. Oldest entries go first when it is full.
 */
export function estimateCache(opts: { max: number; ttlMs: number }) {
  const entries = new Map<string, { n: number; expires: number }>();
  return async function cached(key: string, load: () => Promise<number>): Promise<number> {
    const hit = entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.n;
    const n = await load();
    entries.delete(key);
    if (entries.size >= opts.max) entries.delete(entries.keys().next().value!);
    entries.set(key, { n, expires: Date.now() + opts.ttlMs });
    return n;
  };
}
