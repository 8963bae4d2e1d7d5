import Link from "next/link";

export type PaginationProps = {
  /** The current page, 1-based. */
  page: number;
  pageCount: number;
  /** The URL of a page; keeps the page's other query parameters (filters, sort). */
  href: (page: number) => string;
  /** Names the navigation landmark; a page with two lists of pages needs two names. */
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
  /** Numbered links around the current page (search results) instead of "Page 2 of 5". */
  numbered?: boolean;
  className?: string;
};

const LINK =
  "inline-flex min-h-9 items-center rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-brand-700 hover:bg-gray-50";

/**
 * Previous and next links (plain GET links, so every page has a URL and works without
 * JavaScript) around the current page. Renders nothing when everything fits on one page.
 */
export function Pagination({
  page,
  pageCount,
  href,
  label = "Pages",
  previousLabel = "Previous",
  nextLabel = "Next",
  numbered = false,
  className = "mt-6",
}: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className={`${className} flex flex-wrap items-center justify-center gap-2 text-sm`}>
      {page > 1 ? (
        <Link href={href(page - 1)} className={LINK} rel="prev">
          {previousLabel}
        </Link>
      ) : null}
      {numbered ? (
        <PageNumbers page={page} pageCount={pageCount} href={href} />
      ) : (
        <span aria-current="page" className="px-2 text-muted">
          Page {page} of {pageCount}
        </span>
      )}
      {page < pageCount ? (
        <Link href={href(page + 1)} className={LINK} rel="next">
          {nextLabel}
        </Link>
      ) : null}
    </nav>
  );
}

/** Two pages either side of the current one, plus the first; on a phone only the current one. */
function PageNumbers({ page, pageCount, href }: Pick<PaginationProps, "page" | "pageCount" | "href">) {
  const from = Math.max(1, page - 2);
  const to = Math.min(pageCount, page + 2);
  const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const other = `${LINK} hidden sm:inline-flex`;
  return (
    <>
      {from > 1 ? (
        <Link href={href(1)} className={other} aria-label="Page 1">
          1
        </Link>
      ) : null}
      {from > 2 ? (
        <span aria-hidden className="hidden sm:inline">
          …
        </span>
      ) : null}
      {pages.map((p) =>
        p === page ? (
          <span
            key={p}
            aria-current="page"
            className="inline-flex min-h-9 items-center rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white"
          >
            <span className="sr-only">Page </span>
            {p}
          </span>
        ) : (
          <Link key={p} href={href(p)} className={other} aria-label={`Page ${p}`}>
            {p}
          </Link>
        ),
      )}
      {to < pageCount ? (
        <span aria-hidden className="hidden sm:inline">
          …
        </span>
      ) : null}
    </>
  );
}
