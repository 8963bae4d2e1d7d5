import { getSearchEngine } from "./engines/get-search-engine";
import { completeWords } from "./query/complete-words";
import { correctSpelling } from "./query/did-you-mean";
import { expandSynonyms } from "./query/expand-synonyms";
import { loadCategoryLookup } from "./query/load-category-lookup";
import { loadSynonyms } from "./query/load-synonyms";
import { normalizeQuery } from "./query/normalize-query";
import type { SearchEngine, Suggestion } from "./search-types";

const MAX_COMPLETIONS = 4;
const MAX_CATEGORIES = 3;
const MAX_PRODUCTS = 5;

const searchLink = (params: Record<string, string>) => `/search?${new URLSearchParams(params)}`;

/**
 * Suggestions while the buyer types: completions of the word being typed (from the
 * vocabulary), a corrected query when the words look misspelled, categories whose name
 * matches, and product titles for the best completion.
 */
export async function suggestSearch(rawQuery: string, opts: { engine?: SearchEngine } = {}): Promise<Suggestion[]> {
  const engine = opts.engine ?? getSearchEngine();
  const { text, tokens } = normalizeQuery(rawQuery);
  if (!text) return [];
  const [lookup, synonyms] = await Promise.all([loadCategoryLookup(), loadSynonyms()]);
  const head = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1];
  const out: Suggestion[] = [];
  const query = (words: string[]) => {
    const q = words.join(" ");
    if (!out.some((s) => s.kind === "query" && s.text === q))
      out.push({ kind: "query", text: q, href: searchLink({ q }) });
  };

  const completions = (await completeWords(last, MAX_COMPLETIONS)).map((w) => [...head, w]);
  let searchWords = tokens;
  let titles = await engine.suggestTitles({ text, groups: expandSynonyms(tokens, synonyms.map), limit: MAX_PRODUCTS });
  if (titles.length === 0 && completions.length) {
    searchWords = completions[0];
    titles = await engine.suggestTitles({
      text: searchWords.join(" "),
      groups: expandSynonyms(searchWords, synonyms.map),
      limit: MAX_PRODUCTS,
    });
  }
  if (titles.length === 0 && completions.length === 0) {
    const corrected = await correctSpelling(tokens);
    if (corrected) {
      searchWords = corrected;
      query(corrected);
      titles = await engine.suggestTitles({
        text: corrected.join(" "),
        groups: expandSynonyms(corrected, synonyms.map),
        limit: MAX_PRODUCTS,
      });
    }
  }
  for (const c of completions) query(c);

  const searchText = searchWords.join(" ");
  const categories = [...lookup.byPath.values()]
    .filter((c) => {
      const name = normalizeQuery(c.name).text;
      return name.startsWith(text) || name.startsWith(searchText) || ` ${name}`.includes(` ${searchText}`);
    })
    .sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name))
    .slice(0, MAX_CATEGORIES);
  for (const c of categories) out.push({ kind: "category", text: c.name, href: searchLink({ category: c.slug }) });
  for (const t of titles) out.push({ kind: "product", text: t.title, href: `/products/${t.productId}` });
  return out;
}
