import { recordSearchEvents } from "./search-event-log";

/**
 * Logs a search whose first page found nothing, even after the rewrites (synonyms, spelling):
 * the admins' platform analytics list these queries so synonyms can be added for them. The
 * words are the normalized ones the shopper typed, not a rewrite.
 */
export function recordNoResultsSearch(opts: { text: string; page: number; userId: string | null; hits: number }): void {
  if (!opts.text || opts.page !== 1 || opts.hits > 0) return;
  recordSearchEvents([{ kind: "no_results", query: opts.text, userId: opts.userId, productId: null, position: null }]);
}
