import { correctSpelling } from "./did-you-mean";
import { expandSynonyms } from "./expand-synonyms";
import { getSearchEngine } from "./get-search-engine";
import { loadCategoryLookup } from "./load-category-lookup";
import { loadSynonyms } from "./load-synonyms";
import { normalizeQuery } from "./normalize-query";
import type { SearchEngine, Suggestion } from "./search-types";

const MAX_CATEGORIES = 3;
const MAX_PRODUCTS = 5;

const searchLink = (params: Record<string, string>) => `/search?${new URLSearchParams(params)}`;

/**
 * Suggestions while the buyer types: a corrected query when the words look misspelled,
 * categories whose name matches, and product titles that complete the words.
 */
export async function suggestSearch(rawQuery: string, opts: { engine?: SearchEngine } = {}): Promise<Suggestion[]> {
  const engine = opts.engine ?? getSearchEngine();
  const { text, tokens } = normalizeQuery(rawQuery);
  if (!text) return [];
  const [lookup, synonyms] = await Promise.all([loadCategoryLookup(), loadSynonyms()]);
  const out: Suggestion[] = [];

  let titles = await engine.suggestTitles({ text, groups: expandSynonyms(tokens, synonyms.map), limit: MAX_PRODUCTS });
  let searchText = text;
  if (titles.length === 0) {
    const corrected = await correctSpelling(tokens);
    if (corrected) {
      searchText = corrected.join(" ");
      out.push({ kind: "query", text: searchText, href: searchLink({ q: searchText }) });
      titles = await engine.suggestTitles({ text: searchText, groups: expandSynonyms(corrected, synonyms.map), limit: MAX_PRODUCTS });
    }
  }

  const categories = [...lookup.byPath.values()]
    .filter((c) => {
      const name = normalizeQuery(c.name).text;
      return name.startsWith(searchText) || ` ${name}`.includes(` ${searchText}`) || searchText.split(" ").some((w) => w.length >= 3 && name.split(" ").some((n) => n.startsWith(w)));
    })
    .sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name))
    .slice(0, MAX_CATEGORIES);
  for (const c of categories) out.push({ kind: "category", text: c.name, href: searchLink({ category: c.slug }) });
  for (const t of titles) out.push({ kind: "product", text: t.title, href: `/products/${t.productId}` });
  return out;
}
