// The filters in force, each a link that removes it, plus "Clear all".
import Link from "next/link";

import { searchHref, toggleAttribute, type SearchState } from "@/lib/search/search-url";

import { priceLabel } from "./search-facets";

export function FilterChips({ state, categoryName }: { state: SearchState; categoryName: string | null }) {
  const f = state.filters;
  const chips: { label: string; href: string }[] = [];
  // On a category page the category is the page itself, not a filter to remove.
  if (f.category && !state.basePath)
    chips.push({
      label: `Category: ${categoryName ?? f.category}`,
      href: searchHref(state, { filters: { category: undefined } }),
    });
  if (f.priceMinCents != null || f.priceMaxCents != null) {
    const label =
      f.priceMaxCents == null
        ? priceLabel(f.priceMinCents ?? 0, null)
        : priceLabel(f.priceMinCents ?? 0, f.priceMaxCents);
    chips.push({
      label: `Price: ${label}`,
      href: searchHref(state, { filters: { priceMinCents: undefined, priceMaxCents: undefined } }),
    });
  }
  if (f.ratingMin != null)
    chips.push({ label: `${f.ratingMin}★ & up`, href: searchHref(state, { filters: { ratingMin: undefined } }) });
  if (f.inStock) chips.push({ label: "In stock", href: searchHref(state, { filters: { inStock: undefined } }) });
  for (const [key, values] of Object.entries(f.attributes)) {
    for (const v of values)
      chips.push({
        label: `${key}: ${v}`,
        href: searchHref(state, { filters: { attributes: toggleAttribute(f.attributes, key, v) } }),
      });
  }
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="mb-4 flex flex-wrap items-center gap-2">
      {chips.map((c) => (
        <li key={c.href}>
          <Link
            href={c.href}
            className="inline-flex items-center gap-1 rounded-full border border-brand-500 bg-brand-50 px-3 py-1 text-sm text-brand-700 hover:bg-brand-100"
            aria-label={`Remove filter ${c.label}`}
          >
            {c.label} <span aria-hidden>✕</span>
          </Link>
        </li>
      ))}
      {chips.length > 1 ? (
        <li>
          <Link
            href={searchHref({
              q: state.q,
              filters: { attributes: {}, category: state.basePath ? f.category : undefined },
              sort: state.sort,
              page: 1,
              basePath: state.basePath,
            })}
            className="text-sm text-brand-700 underline"
          >
            Clear all
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
