import { MAX_QUERY_CHARS, MAX_QUERY_TOKENS, MAX_TOKEN_CHARS } from "../search-config";

export type NormalizedQuery = {
  /** The words joined by single spaces: the form stored with search events and compared to titles. */
  text: string;
  tokens: string[];
};

/**
 * Lower-cases, folds accents ("Café" → "cafe") and keeps only letters and digits, so nothing
 * a buyer types can reach a query language (SQL, tsquery, Meilisearch filters, regexes) as syntax.
 */
export function normalizeQuery(raw: string): NormalizedQuery {
  // Accents come off Latin letters only (as PostgreSQL's unaccent does); in other scripts a
  // combining mark can be part of the letter (ド is not ト).
  const folded = raw
    .slice(0, MAX_QUERY_CHARS * 2)
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase();
  const tokens = folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && t.length <= MAX_TOKEN_CHARS)
    .slice(0, MAX_QUERY_TOKENS);
  return { text: tokens.join(" "), tokens };
}

/** Crude English singular, enough to match "shoes" with "Shoe" and "headphones" with "headphone". */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}
