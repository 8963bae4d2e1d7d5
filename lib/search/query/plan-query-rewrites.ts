/** Another way to read a query that found nothing as typed, tried in the order planned. */
export type QueryRewrite =
  /** The same words, the last one as the start of a longer word being typed ("sneak"). */
  | { kind: "prefix" }
  /** The words with misspellings corrected, searched instead (and said so). */
  | { kind: "corrected"; tokens: string[] }
  /** Only the words the catalogue knows ("headphones 1 xq" → "headphones"), searched instead. */
  | { kind: "known-words"; tokens: string[] }
  /** Trigram matching over titles, for garbled words no dictionary word fixes. */
  | { kind: "fuzzy" };

/**
 * The rewrites worth trying for these words, given what the vocabulary knows of them
 * (`unknown`) and its closest spelling (`corrected`), in order: each one runs only while
 * the search has still found nothing.
 */
export function planQueryRewrites(
  tokens: string[],
  spelling: { corrected: string[] | null; unknown: Set<string> },
): QueryRewrite[] {
  const { corrected, unknown } = spelling;
  const rewrites: QueryRewrite[] = [];
  const last = tokens[tokens.length - 1];
  if (last !== undefined && (unknown.has(last) || last.length < 3)) rewrites.push({ kind: "prefix" });
  if (corrected) rewrites.push({ kind: "corrected", tokens: corrected });
  const known = tokens.filter((t) => t.length >= 3 && !/^\d+$/.test(t) && !unknown.has(t));
  if (known.length > 0 && known.length < tokens.length) rewrites.push({ kind: "known-words", tokens: known });
  // Known words that simply do not occur together skip trigram matching.
  if (unknown.size > 0) rewrites.push({ kind: "fuzzy" });
  return rewrites;
}
