import type { RankingBreakdown, SearchHit } from "../search-types";
import { hydrateResults } from "./hydrate-results";

/** One hit of a page before hydration: the listing, and (ranked) its score and breakdown. */
export type PageItem = { productId: string; score?: number; breakdown?: RankingBreakdown };

/**
 * One page of candidates as the cards a buyer sees, read fresh (listings no longer sellable
 * are dropped); with `debug`, each card carries its ranking score and breakdown.
 */
export async function hydrateHits(items: PageItem[], opts: { debug: boolean }): Promise<SearchHit[]> {
  const cards = await hydrateResults(items.map((c) => c.productId));
  const hits: SearchHit[] = [];
  for (const c of items) {
    const card = cards.get(c.productId);
    if (!card) continue;
    hits.push(opts.debug && c.score !== undefined ? { ...card, score: c.score, breakdown: c.breakdown } : card);
  }
  return hits;
}
