import type { CategoryRef } from "../search-types";
import { normalizeQuery, singular } from "./normalize-query";

export type CategoryLookup = {
  byPath: Map<string, CategoryRef & { depth: number }>;
  bySlug: Map<string, CategoryRef & { depth: number }>;
  /** Singular normalized name ("running shoe") → categories with that name, deepest first. */
  byName: Map<string, (CategoryRef & { depth: number })[]>;
};

const nameKey = (name: string) => normalizeQuery(name).tokens.map(singular).join(" ");

export function buildCategoryLookup(
  rows: { id: number; slug: string; path: string; name: string; depth: number }[],
): CategoryLookup {
  const lookup: CategoryLookup = { byPath: new Map(), bySlug: new Map(), byName: new Map() };
  for (const r of rows) {
    const ref = { id: r.id, slug: r.slug, path: r.path, name: r.name, depth: r.depth };
    lookup.byPath.set(r.path, ref);
    lookup.bySlug.set(r.slug, ref);
    const key = nameKey(r.name);
    if (key)
      lookup.byName.set(
        key,
        [...(lookup.byName.get(key) ?? []), ref].sort((a, b) => b.depth - a.depth),
      );
  }
  return lookup;
}

/**
 * Category intent: the most specific category whose whole name appears in the query
 * ("wireless headphones" → Headphones). Longer names win, then deeper categories.
 */
export function detectCategoryIntent(tokens: string[], lookup: CategoryLookup): CategoryRef | null {
  const words = tokens.map(singular);
  let best: (CategoryRef & { depth: number }) | null = null;
  let bestLength = 0;
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const match = lookup.byName.get(words.slice(i, i + n).join(" "))?.[0];
      if (match && (n > bestLength || (n === bestLength && best && match.depth > best.depth))) {
        best = match;
        bestLength = n;
      }
    }
    if (best) break;
  }
  return best ? { id: best.id, slug: best.slug, path: best.path, name: best.name } : null;
}
