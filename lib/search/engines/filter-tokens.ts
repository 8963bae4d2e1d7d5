// Filter tokens: the PostgreSQL documents carry one lexeme per category on the listing's
// path, per attribute pair and for "in stock" (search_filter_tokens in the search migration),
// so filters join the text in one GIN scan. These must hash exactly as that SQL does:
// "_c"/"_a" + the first 16 hex digits of md5 of the UTF-8 text.
import { createHash } from "node:crypto";

import type { EngineFilters } from "../search-types";

const hex16 = (s: string) => createHash("md5").update(s, "utf8").digest("hex").slice(0, 16);

export const categoryToken = (path: string) => `_c${hex16(path)}`;
export const attributeToken = (key: string, value: string) => `_a${hex16(`${key}:${value}`)}`;
export const IN_STOCK_TOKEN = "_instock";

/**
 * tsquery text requiring the filters' tokens (any value of one attribute, every attribute),
 * or null when nothing is filtered by token. Tokens are [_a-z0-9] only, so quoting them is safe.
 */
export function filterTsQuery(f: Pick<EngineFilters, "categoryPath" | "attributes" | "inStock">): string | null {
  const parts: string[] = [];
  if (f.categoryPath) parts.push(`'${categoryToken(f.categoryPath)}'`);
  for (const key of Object.keys(f.attributes).sort()) {
    const values = f.attributes[key];
    if (values.length === 1) parts.push(`'${attributeToken(key, values[0])}'`);
    else if (values.length > 1) parts.push(`(${values.map((v) => `'${attributeToken(key, v)}'`).join(" | ")})`);
  }
  if (f.inStock) parts.push(`'${IN_STOCK_TOKEN}'`);
  return parts.length ? parts.join(" & ") : null;
}
