// Stripe's list envelope and cursor pagination (`limit`, `starting_after`, `ending_before`,
// `created[gte]`…), newest first.
import { missingResource } from "./errors";
import type { Params, Range } from "./params";

export interface ListQuery {
  limit: number;
  startingAfter?: string;
  endingBefore?: string;
  created?: Range;
}

export interface ApiList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export function readListQuery(p: Params): ListQuery {
  const query: ListQuery = {
    limit: p.int("limit", { min: 1, max: 100 }) ?? 10,
    startingAfter: p.string("starting_after") || undefined,
    endingBefore: p.string("ending_before") || undefined,
  };
  const created = p.range("created");
  if (created) query.created = created;
  return query;
}

/** `items` oldest first, as they were stored. */
export function paginate<T extends { id: string; created?: number }>(
  items: T[],
  query: ListQuery,
  url: string,
): ApiList<T> {
  const { created } = query;
  let newestFirst = items
    .filter((item) => {
      if (!created || item.created === undefined) return true;
      const c = item.created;
      return (
        (created.gt === undefined || c > created.gt) &&
        (created.gte === undefined || c >= created.gte) &&
        (created.lt === undefined || c < created.lt) &&
        (created.lte === undefined || c <= created.lte)
      );
    })
    .reverse();
  if (query.startingAfter) {
    const at = newestFirst.findIndex((item) => item.id === query.startingAfter);
    if (at === -1) throw missingResource("object", query.startingAfter, "starting_after");
    newestFirst = newestFirst.slice(at + 1);
    return { object: "list", data: newestFirst.slice(0, query.limit), has_more: newestFirst.length > query.limit, url };
  }
  if (query.endingBefore) {
    const at = newestFirst.findIndex((item) => item.id === query.endingBefore);
    if (at === -1) throw missingResource("object", query.endingBefore, "ending_before");
    const before = newestFirst.slice(0, at);
    return {
      object: "list",
      data: before.slice(Math.max(0, before.length - query.limit)),
      has_more: before.length > query.limit,
      url,
    };
  }
  return { object: "list", data: newestFirst.slice(0, query.limit), has_more: newestFirst.length > query.limit, url };
}
