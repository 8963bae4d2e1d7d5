import Link from "next/link";

import { searchHref, type SearchState } from "@/lib/search/search-url";

/** Previous / numbered pages around the current one / Next, all plain links. */
export function SearchPagination({ state, page, pageCount }: { state: SearchState; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const from = Math.max(1, page - 2);
  const to = Math.min(pageCount, page + 2);
  const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const cls = "rounded-md border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-50";
  return (
    <nav aria-label="Pages" className="mt-8 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 ? (
        <Link href={searchHref(state, { page: page - 1 })} className={cls} rel="prev">
          Previous
        </Link>
      ) : null}
      {from > 1 ? (
        <Link href={searchHref(state, { page: 1 })} className={cls} aria-label="Page 1">
          1
        </Link>
      ) : null}
      {from > 2 ? <span aria-hidden>…</span> : null}
      {pages.map((p) =>
        p === page ? (
          <span key={p} aria-current="page" className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white">
            <span className="sr-only">Page </span>
            {p}
          </span>
        ) : (
          <Link key={p} href={searchHref(state, { page: p })} className={cls} aria-label={`Page ${p}`}>
            {p}
          </Link>
        ),
      )}
      {to < pageCount ? <span aria-hidden>…</span> : null}
      {page < pageCount ? (
        <Link href={searchHref(state, { page: page + 1 })} className={cls} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
