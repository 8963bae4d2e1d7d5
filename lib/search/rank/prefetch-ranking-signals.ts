import { loadBuyerProfile } from "./buyer-profile";
import { loadCategoryMedians, loadQueryStats } from "./load-ranking-signals";
import type { BuyerProfile, QueryStats } from "./ranking-weights";

export type RankingSignals = {
  stats: Map<string, QueryStats>;
  categoryMedians: Map<number, number>;
  profile: BuyerProfile | null;
};

/**
 * Starts loading what ranking reads besides the candidates (the query's history, category
 * medians, the buyer's profile) while the engine works; `forText` gives them for the words
 * finally searched, reloading the history only when a rewrite changed the words.
 */
export function prefetchRankingSignals(opts: { relevance: boolean; text: string; userId: string | null }): {
  forText: (text: string) => Promise<RankingSignals>;
} {
  const stats = opts.relevance ? loadQueryStats(opts.text) : Promise.resolve(new Map<string, QueryStats>());
  const medians = opts.relevance ? loadCategoryMedians() : Promise.resolve(new Map<number, number>());
  const profile = opts.relevance && opts.userId ? loadBuyerProfile(opts.userId) : Promise.resolve(null);
  // Awaited later, or never (a search that ends early): a failure must not go unhandled meanwhile.
  for (const p of [stats, medians, profile]) p.catch(() => {});
  return {
    forText: async (text) => {
      const [s, categoryMedians, p] = await Promise.all([
        text === opts.text ? stats : loadQueryStats(text),
        medians,
        profile,
      ]);
      return { stats: s, categoryMedians, profile: p };
    },
  };
}
