import type { CategoryLookup } from "../query/category-intent";
import { PRICE_BUCKETS_CENTS } from "../search-config";
import type { CategoryRef, RawFacets, SearchFacets } from "../search-types";

const MAX_ATTRIBUTE_FACETS = 6;
const MAX_FACET_VALUES = 10;

/** Facets for display: categories one level below the current one, price ranges, useful attributes, "N stars & up". */
export function buildFacets(
  raw: RawFacets | null,
  lookup: CategoryLookup,
  current: CategoryRef | null,
  selectedAttributes: Record<string, string[]>,
  exact: boolean,
): SearchFacets {
  const facets: SearchFacets = {
    categories: [],
    priceRanges: [],
    attributes: [],
    ratings: [],
    inStock: raw?.inStock ?? 0,
    exact,
  };
  if (!raw) return facets;
  const depth = current ? current.path.split("/").length : 0;
  for (const [path, count] of Object.entries(raw.categoryPaths)) {
    const c = lookup.byPath.get(path);
    if (!c || c.path.split("/").length !== depth + 1) continue;
    if (current && !c.path.startsWith(`${current.path}/`)) continue;
    facets.categories.push({ slug: c.slug, path: c.path, name: c.name, count });
  }
  facets.categories.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  raw.priceBuckets.forEach((count, i) => {
    if (count > 0)
      facets.priceRanges.push({
        minCents: i === 0 ? 0 : PRICE_BUCKETS_CENTS[i - 1],
        maxCents: i < PRICE_BUCKETS_CENTS.length ? PRICE_BUCKETS_CENTS[i] - 1 : null,
        count,
      });
  });

  const byKey = new Map<string, { value: string; count: number }[]>();
  for (const [pair, count] of Object.entries(raw.attributePairs)) {
    const at = pair.indexOf(":");
    if (at <= 0) continue;
    const key = pair.slice(0, at);
    byKey.set(key, [...(byKey.get(key) ?? []), { value: pair.slice(at + 1), count }]);
  }
  const keys = [...byKey.entries()]
    .map(([key, values]) => ({
      key,
      values: values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    }))
    // A facet helps when it splits the results: several values, some shared by more than one listing.
    .filter((f) => selectedAttributes[f.key] || (f.values.length >= 2 && f.values[0].count >= 2))
    .sort(
      (a, b) =>
        Number(Boolean(selectedAttributes[b.key])) - Number(Boolean(selectedAttributes[a.key])) ||
        b.values.reduce((s, v) => s + v.count, 0) - a.values.reduce((s, v) => s + v.count, 0),
    )
    .slice(0, MAX_ATTRIBUTE_FACETS);
  facets.attributes = keys.map((f) => ({ key: f.key, values: f.values.slice(0, MAX_FACET_VALUES) }));

  for (const min of [4, 3, 2, 1]) {
    const count = raw.ratingFloors.slice(min).reduce((s, n) => s + n, 0);
    if (count > 0) facets.ratings.push({ min, count });
  }
  return facets;
}
