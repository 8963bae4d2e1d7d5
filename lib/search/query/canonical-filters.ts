import type { EngineFilters } from "../search-types";

/**
 * Filters in one canonical order (attribute keys sorted, each one's values sorted and
 * de-duplicated, empty ones dropped), so filters that mean the same make the same cache key.
 */
export function canonicalFilters(f: EngineFilters): unknown[] {
  const attributes = Object.keys(f.attributes)
    .filter((k) => f.attributes[k].length > 0)
    .sort()
    .map((k) => [k, [...new Set(f.attributes[k])].sort()]);
  return [
    f.categoryPath ?? null,
    f.priceMinCents ?? null,
    f.priceMaxCents ?? null,
    f.ratingMin ?? null,
    Boolean(f.inStock),
    attributes,
  ];
}
