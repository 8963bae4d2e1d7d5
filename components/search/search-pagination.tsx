import { Pagination } from "@/components/ui/pagination";
import { searchHref, type SearchState } from "@/lib/search/search-url";

/** Numbered pages of search results; each link keeps the query, filters and sort. */
export function SearchPagination({ state, page, pageCount }: { state: SearchState; page: number; pageCount: number }) {
  return (
    <Pagination
      numbered
      page={page}
      pageCount={pageCount}
      href={(p) => searchHref(state, { page: p })}
      className="mt-8"
    />
  );
}
