import type { TokenGroup } from "../search-types";

const SAFE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Builds to_tsquery() text from normalized words: every group must match (AND), any phrase of a
 * group may (OR), a phrase's words follow each other (<->). With `prefixLast` the last word also
 * matches as a prefix when it has 3+ letters ("headph" finds headphones); that is a fallback,
 * as a prefix over a big index costs far more than a word. Words are letters and
 * digits only (normalizeQuery), so the text can hold no tsquery operators from the buyer; anything
 * else is dropped here as a second line of defence. Returns null when nothing is left to match.
 */
export function buildTsQuery(groups: TokenGroup[], opts: { prefixLast?: boolean } = {}): string | null {
  const prefixLast = opts.prefixLast ?? false;
  const rendered: string[] = [];
  groups.forEach((group, gi) => {
    const isLastGroup = gi === groups.length - 1;
    const phrases = group
      .map((phrase) => phrase.filter((w) => SAFE_WORD.test(w)))
      .filter((phrase) => phrase.length > 0)
      .map((phrase, pi) => {
        const words = phrase.map((w, wi) => {
          // Only the buyer's own last word (phrase 0) is still being typed.
          const prefix = prefixLast && isLastGroup && pi === 0 && wi === phrase.length - 1 && w.length >= 3;
          return prefix ? `${w}:*` : w;
        });
        return words.length === 1 ? words[0] : `(${words.join(" <-> ")})`;
      });
    const unique = [...new Set(phrases)];
    if (unique.length === 1) rendered.push(unique[0]);
    else if (unique.length > 1) rendered.push(`(${unique.join(" | ")})`);
  });
  return rendered.length ? rendered.join(" & ") : null;
}
