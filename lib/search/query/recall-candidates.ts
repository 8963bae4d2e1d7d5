import { DID_YOU_MEAN_BELOW } from "../search-config";
import type { EngineQuery, EngineResult, TokenGroup } from "../search-types";
import { checkSpelling } from "./did-you-mean";
import { expandSynonyms, type SynonymMap } from "./expand-synonyms";
import { planQueryRewrites } from "./plan-query-rewrites";

export type Recall = {
  result: EngineResult;
  /** The words finally searched, and their synonym groups (the corrected ones when searched instead). */
  text: string;
  groups: TokenGroup[];
  /** Set when the words as typed found nothing and other words were searched instead. */
  searchedInstead: string | null;
  /** A spelling suggestion shown beside results the words as typed did find. */
  didYouMean: string | null;
};

/**
 * Asks the engine for the words as typed; when that finds (almost) nothing, checks their
 * spelling and tries the planned rewrites one by one until one finds something.
 */
export async function recallCandidates(opts: {
  query: (q: EngineQuery) => Promise<EngineResult>;
  base: Omit<EngineQuery, "text" | "groups">;
  tokens: string[];
  text: string;
  groups: TokenGroup[];
  synonyms: SynonymMap;
}): Promise<Recall> {
  const { query, base, tokens } = opts;
  const recall: Recall = {
    result: await query({ ...base, text: opts.text, groups: opts.groups }),
    text: opts.text,
    groups: opts.groups,
    searchedInstead: null,
    didYouMean: null,
  };
  if (tokens.length === 0 || recall.result.total >= DID_YOU_MEAN_BELOW) return recall;

  const spelling = await checkSpelling(tokens);
  let triedCorrection = false;
  for (const rewrite of planQueryRewrites(tokens, spelling)) {
    if (recall.result.total > 0) break;
    if (rewrite.kind === "prefix") {
      // The word being typed is the better reading even when it finds nothing either.
      recall.result = await query({ ...base, text: recall.text, groups: recall.groups, prefix: true });
    } else if (rewrite.kind === "fuzzy") {
      const fuzzy = await query({ ...base, text: recall.text, groups: recall.groups, fuzzy: true });
      if (fuzzy.total > 0) recall.result = fuzzy;
    } else {
      triedCorrection ||= rewrite.kind === "corrected";
      const text = rewrite.tokens.join(" ");
      const groups = expandSynonyms(rewrite.tokens, opts.synonyms);
      const retry = await query({ ...base, text, groups });
      if (retry.total > 0) {
        recall.result = retry;
        recall.text = text;
        recall.groups = groups;
        recall.searchedInstead = text;
      }
    }
  }
  // Found as typed (or as being typed): the correction is only suggested.
  if (spelling.corrected && !triedCorrection) recall.didYouMean = spelling.corrected.join(" ");
  return recall;
}
