import type { TokenGroup } from "../search-types";

/** Normalized phrase ("flat screen") → every phrase of its synonym group, itself included. */
export type SynonymMap = Map<string, string[]>;

const MAX_PHRASE_WORDS = 3;

/**
 * Synonym groups (each row of search_synonyms: a term and its synonyms, all interchangeable)
 * as a lookup from each member to the whole group.
 */
export function buildSynonymMap(groups: string[][], normalize: (s: string) => string): SynonymMap {
  const map: SynonymMap = new Map();
  for (const group of groups) {
    const members = [...new Set(group.map(normalize).filter(Boolean))];
    if (members.length < 2) continue;
    for (const m of members) {
      const existing = map.get(m) ?? [m];
      map.set(m, [...new Set([...existing, ...members])]);
    }
  }
  return map;
}

/**
 * Splits the query words into groups, matching the longest synonym phrase first, so
 * "flat screen tv" with {tv, television} gives [[flat],[screen]] + [[tv],[television]].
 * The buyer's own phrase always comes first in its group.
 */
export function expandSynonyms(tokens: string[], map: SynonymMap): TokenGroup[] {
  const groups: TokenGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 1; n--) {
      const phrase = tokens.slice(i, i + n).join(" ");
      const group = map.get(phrase);
      if (group) {
        const others = group.filter((p) => p !== phrase);
        groups.push([tokens.slice(i, i + n), ...others.map((p) => p.split(" "))]);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      groups.push([[tokens[i]]]);
      i += 1;
    }
  }
  return groups;
}
