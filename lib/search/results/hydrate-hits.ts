import type { RankedCandidate } from "../rank/ranking-weights";
import type { SearchCandidate, SearchHit } from "../search-types";
import { hydrateResults } from "./hydrate-results";

/**
 * One page of candidates as the cards a buyer sees, read fresh (listings no longer sellable
 * are dropped); with `debug`, each card carries its ranking score and breakdown.
 */
export async function hydrateHits(
  items: (SearchCandidate & Partial<Pick<RankedCandidate, "score" | "breakdown">>)[],
  opts: { debug: boolean },
): Promise<SearchHit[]> {
  const cards = await hydrateResults(items.map((c) => c.productId));
  const hits: SearchHit[] = [];
  for (const c of items) {
    const card = cards.get(c.productId);
    if (!card) continue;
    hits.push(opts.debug && c.score !== undefined ? { ...card, score: c.score, breakdown: c.breakdown } : card);
  }
  return hits;
}
