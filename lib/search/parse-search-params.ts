// The search URL is the whole search state (shareable, back button works). The API parses it
// strictly (anything wrong is a 400 naming the parameter); the page parses it leniently
// (anything wrong is dropped and reported), so an old or hand-edited link still shows results.
import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";

import {
  ATTRIBUTE_PARAM_PREFIX,
  DEFAULT_PER_PAGE,
  MAX_ATTRIBUTE_FILTERS,
  MAX_PAGE,
  MAX_PER_PAGE,
  MAX_PRICE_CENTS,
  MAX_QUERY_CHARS,
} from "./search-config";
import { SEARCH_SORTS, type SearchRequest } from "./search-types";

const KNOWN = [
  "q",
  "category",
  "price_min",
  "price_max",
  "rating_min",
  "in_stock",
  "sort",
  "page",
  "per_page",
  "debug",
] as const;
type Known = (typeof KNOWN)[number];

const ZFlag = z
  .enum(["1", "0", "true", "false"], { error: "must be 1 or 0" })
  .transform((v) => v === "1" || v === "true");
const ZPrice = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, { error: "must be an amount such as 25 or 19.99" })
  .transform((v) => Math.round(Number(v) * 100))
  .refine((c) => c <= MAX_PRICE_CENTS, { error: `must be at most ${MAX_PRICE_CENTS / 100}` });

const FIELDS = {
  q: z.string().max(MAX_QUERY_CHARS, { error: `must be at most ${MAX_QUERY_CHARS} characters` }),
  category: z.string().regex(/^[a-z0-9-]{1,100}$/, { error: "must be a category slug such as running-shoes" }),
  price_min: ZPrice,
  price_max: ZPrice,
  rating_min: z.coerce
    .number({ error: "must be a number from 0 to 5" })
    .min(0, { error: "must be from 0 to 5" })
    .max(5, { error: "must be from 0 to 5" }),
  in_stock: ZFlag,
  sort: z.enum(SEARCH_SORTS, { error: `must be one of ${SEARCH_SORTS.join(", ")}` }),
  page: z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_PAGE}` })
    .int({ error: `must be a whole number from 1 to ${MAX_PAGE}` })
    .min(1, { error: `must be a whole number from 1 to ${MAX_PAGE}` })
    .max(MAX_PAGE, { error: `must be at most ${MAX_PAGE}; refine the search to see other results` }),
  per_page: z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .int()
    .min(1, { error: `must be from 1 to ${MAX_PER_PAGE}` })
    .max(MAX_PER_PAGE, { error: `must be at most ${MAX_PER_PAGE}` }),
  debug: ZFlag,
} satisfies Record<Known, z.ZodType>;

const ZAttributeKey = z.string().regex(/^[a-z0-9][a-z0-9 _-]{0,49}$/, {
  error: "attribute names are lower-case letters, digits, spaces, hyphens and underscores",
});
const ZAttributeValue = z
  .string()
  .trim()
  .min(1, { error: "attribute values cannot be empty" })
  .max(200, { error: "attribute values must be at most 200 characters" });

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function entriesOf(input: SearchParamsInput): [string, string][] {
  if (input instanceof URLSearchParams) return [...input.entries()];
  return Object.entries(input).flatMap(([k, v]) =>
    v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]],
  );
}

export type ParsedSearchParams = { request: SearchRequest; problems: string[] };

/**
 * Reads a search request from URL parameters. `strict` (the API) throws a 400 AppError naming
 * every problem; otherwise problems are returned and the offending parameters ignored.
 */
export function parseSearchParams(input: SearchParamsInput, opts: { strict: boolean }): ParsedSearchParams {
  const problems: string[] = [];
  const values = new Map<string, string>();
  const attributes: Record<string, string[]> = {};
  let attributeCount = 0;

  for (const [name, raw] of entriesOf(input)) {
    if (name.startsWith(ATTRIBUTE_PARAM_PREFIX)) {
      const key = ZAttributeKey.safeParse(name.slice(ATTRIBUTE_PARAM_PREFIX.length));
      const value = ZAttributeValue.safeParse(raw);
      if (!key.success) problems.push(`${name}: ${key.error.issues[0].message}`);
      else if (!value.success) problems.push(`${name}: ${value.error.issues[0].message}`);
      else if (++attributeCount > MAX_ATTRIBUTE_FILTERS)
        problems.push(`at most ${MAX_ATTRIBUTE_FILTERS} attribute filters`);
      else if (!attributes[key.data]?.includes(value.data))
        attributes[key.data] = [...(attributes[key.data] ?? []), value.data];
      continue;
    }
    if (!(KNOWN as readonly string[]).includes(name)) {
      if (opts.strict)
        problems.push(
          `unknown parameter "${name.slice(0, 50)}" (known: ${KNOWN.join(", ")}, ${ATTRIBUTE_PARAM_PREFIX}<attribute>)`,
        );
      continue;
    }
    if (!values.has(name)) values.set(name, raw);
  }

  const read = <K extends Known>(name: K): z.output<(typeof FIELDS)[K]> | undefined => {
    let raw = values.get(name);
    if (raw === undefined || raw === "") return undefined;
    // The page forgives an over-long query by searching its beginning.
    if (name === "q" && !opts.strict) raw = raw.slice(0, MAX_QUERY_CHARS);
    const parsed = FIELDS[name].safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof FIELDS)[K]>;
    problems.push(`${name} ${parsed.error.issues[0].message}`);
    return undefined;
  };

  let priceMinCents = read("price_min");
  let priceMaxCents = read("price_max");
  if (priceMinCents != null && priceMaxCents != null && priceMinCents > priceMaxCents) {
    problems.push("price_min must not be more than price_max");
    priceMinCents = undefined;
    priceMaxCents = undefined;
  }

  const request: SearchRequest = {
    q: (read("q") ?? "").trim(),
    filters: {
      category: read("category"),
      priceMinCents,
      priceMaxCents,
      ratingMin: read("rating_min") || undefined,
      inStock: read("in_stock") || undefined,
      attributes,
    },
    sort: read("sort") ?? "relevance",
    page: read("page") ?? 1,
    perPage: opts.strict ? (read("per_page") ?? DEFAULT_PER_PAGE) : DEFAULT_PER_PAGE,
    debug: read("debug") ?? false,
  };
  if (opts.strict && problems.length)
    throw new AppError("validation_failed", `Invalid search: ${problems.join("; ")}.`, {
      fields: { search: problems },
    });
  return { request, problems };
}
