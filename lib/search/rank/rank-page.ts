import type { SearchCandidate, TokenGroup } from "../search-types";
import type { RankingSignals } from "./prefetch-ranking-signals";
import { rerankCandidates, type RankedCandidate } from "./ranking-weights";

/** Re-ranks every recalled candidate (ranking-weights.ts) and returns the requested page of them. */
export function rankPage(opts: {
  candidates: SearchCandidate[];
  signals: RankingSignals;
  text: string;
  groups: TokenGroup[];
  intentPath: string | null;
  offset: number;
  perPage: number;
  now?: Date;
}): RankedCandidate[] {
  const ranked = rerankCandidates(opts.candidates, {
    text: opts.text,
    groups: opts.groups,
    now: opts.now ?? new Date(),
    ...opts.signals,
    intentPath: opts.intentPath,
  });
  return ranked.slice(opts.offset, opts.offset + opts.perPage);
}
