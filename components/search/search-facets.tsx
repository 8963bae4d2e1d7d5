// The facet sidebar: every option is a link (or a GET form) to the URL with that filter
// toggled, so it works without JavaScript and the back button undoes it.
import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";

import { formatMoney } from "@/lib/money/format-money";
import type { SearchFacets as Facets } from "@/lib/search/search-types";
import { searchHref, searchParamsOf, searchPathOf, toggleAttribute, type SearchState } from "@/lib/search/search-url";

const optionClass = (selected: boolean) =>
  `flex items-center justify-between gap-2 rounded px-2 py-1 text-sm hover:bg-gray-100 ${selected ? "font-semibold text-brand-700" : "text-ink"}`;

function Count({ n, exact }: { n: number; exact: boolean }) {
  return (
    <span className="text-xs text-muted">
      {n.toLocaleString("en-US")}
      {!exact && n >= 1000 ? "+" : ""}
    </span>
  );
}

/** Tells screen readers that following the link removes this filter. */
function Selected({ on }: { on: boolean }) {
  return on ? <span className="sr-only"> (selected; choose again to remove)</span> : null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-gray-200 py-3 last:border-0">
      <h2 className="mb-1 text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export const priceLabel = (minCents: number, maxCents: number | null, currency = "USD") =>
  maxCents == null
    ? `${formatMoney(minCents, currency)} and up`
    : minCents === 0
      ? `Under ${formatMoney(maxCents + 1, currency)}`
      : `${formatMoney(minCents, currency)} – ${formatMoney(maxCents, currency)}`;

export function SearchFacets({
  state,
  facets,
  categoryTrail,
}: {
  state: SearchState;
  facets: Facets;
  categoryTrail: { slug: string; name: string }[];
}) {
  const f = state.filters;
  const hidden = [
    ...searchParamsOf({
      ...state,
      filters: { ...f, priceMinCents: undefined, priceMaxCents: undefined },
      page: 1,
    }).entries(),
  ];
  return (
    <nav aria-label="Filters" className="rounded-lg border border-gray-200 bg-white px-3">
      {/* A category page lists its subcategories itself. */}
      {state.basePath ? null : (
        <Section title="Category">
          <ul>
            {categoryTrail.length ? (
              <li>
                <Link href={searchHref(state, { filters: { category: undefined } })} className={optionClass(false)}>
                  ‹ All categories
                </Link>
              </li>
            ) : null}
            {categoryTrail.map((c, i) => (
              <li key={c.slug}>
                <Link
                  href={searchHref(state, { filters: { category: c.slug } })}
                  aria-current={i === categoryTrail.length - 1 ? "true" : undefined}
                  className={optionClass(i === categoryTrail.length - 1)}
                  style={{ paddingLeft: `${0.5 + i * 0.75}rem` }}
                >
                  {c.name}
                </Link>
              </li>
            ))}
            {facets.categories.map((c) => (
              <li key={c.slug}>
                <Link
                  href={searchHref(state, { filters: { category: c.slug } })}
                  className={optionClass(false)}
                  style={{ paddingLeft: `${0.5 + categoryTrail.length * 0.75}rem` }}
                >
                  <span>{c.name}</span>
                  <Count n={c.count} exact={facets.exact} />
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {facets.priceRanges.length || f.priceMinCents != null || f.priceMaxCents != null ? (
        <Section title="Price">
          <ul>
            {facets.priceRanges.map((p) => {
              const selected = f.priceMinCents === p.minCents && (f.priceMaxCents ?? null) === p.maxCents;
              return (
                <li key={p.minCents}>
                  <Link
                    href={searchHref(state, {
                      filters: selected
                        ? { priceMinCents: undefined, priceMaxCents: undefined }
                        : { priceMinCents: p.minCents || undefined, priceMaxCents: p.maxCents ?? undefined },
                    })}
                    aria-current={selected ? "true" : undefined}
                    className={optionClass(selected)}
                  >
                    <span>{priceLabel(p.minCents, p.maxCents)}</span>
                    <Count n={p.count} exact={facets.exact} />
                  </Link>
                </li>
              );
            })}
          </ul>
          <Form action={searchPathOf(state)} className="mt-2 flex items-end gap-2 px-2 text-sm">
            {hidden.map(([k, v], i) => (
              <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
            ))}
            <label className="flex flex-col">
              <span className="text-xs text-muted">Min $</span>
              <input
                name="price_min"
                inputMode="decimal"
                pattern="\d{1,9}(\.\d{1,2})?"
                defaultValue={f.priceMinCents != null ? String(f.priceMinCents / 100) : ""}
                className="w-20 rounded border border-gray-300 px-2 py-1"
              />
            </label>
            <label className="flex flex-col">
              <span className="text-xs text-muted">Max $</span>
              <input
                name="price_max"
                inputMode="decimal"
                pattern="\d{1,9}(\.\d{1,2})?"
                defaultValue={f.priceMaxCents != null ? String(f.priceMaxCents / 100) : ""}
                className="w-20 rounded border border-gray-300 px-2 py-1"
              />
            </label>
            <button
              type="submit"
              className="rounded border border-gray-300 bg-white px-2 py-1 font-medium hover:bg-gray-50"
            >
              Go
            </button>
          </Form>
        </Section>
      ) : null}

      {facets.ratings.length ? (
        <Section title="Customer rating">
          <ul>
            {facets.ratings.map((r) => {
              const selected = f.ratingMin === r.min;
              return (
                <li key={r.min}>
                  <Link
                    href={searchHref(state, { filters: { ratingMin: selected ? undefined : r.min } })}
                    aria-current={selected ? "true" : undefined}
                    className={optionClass(selected)}
                  >
                    <span>
                      <span aria-hidden>
                        {"★".repeat(r.min)}
                        {"☆".repeat(5 - r.min)}
                      </span>{" "}
                      <span>{r.min} stars &amp; up</span>
                    </span>
                    <Count n={r.count} exact={facets.exact} />
                  </Link>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}

      <Section title="Availability">
        <Link
          href={searchHref(state, { filters: { inStock: f.inStock ? undefined : true } })}
          aria-current={f.inStock ? "true" : undefined}
          className={optionClass(Boolean(f.inStock))}
        >
          <span>
            <span aria-hidden>{f.inStock ? "☑" : "☐"}</span> In stock only
            <Selected on={Boolean(f.inStock)} />
          </span>
          <Count n={facets.inStock} exact={facets.exact} />
        </Link>
      </Section>

      {facets.attributes.map((a) => (
        <Section key={a.key} title={a.key.charAt(0).toUpperCase() + a.key.slice(1)}>
          <ul>
            {a.values.map((v) => {
              const selected = Boolean(f.attributes[a.key]?.includes(v.value));
              return (
                <li key={v.value}>
                  <Link
                    href={searchHref(state, { filters: { attributes: toggleAttribute(f.attributes, a.key, v.value) } })}
                    aria-current={selected ? "true" : undefined}
                    className={optionClass(selected)}
                  >
                    <span>
                      <span aria-hidden>{selected ? "☑" : "☐"}</span> {v.value}
                      <Selected on={selected} />
                    </span>
                    <Count n={v.count} exact={facets.exact} />
                  </Link>
                </li>
              );
            })}
          </ul>
        </Section>
      ))}
    </nav>
  );
}
