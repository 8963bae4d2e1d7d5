// The ranking model of rank/ranking-weights.ts as SQL, so PostgreSQL scores the recalled
// pool where it already is and returns only the page asked for (instead of every candidate
// as JSON to be re-ranked in JavaScript). Same signals, same weights and constants (read from
// ranking-weights.ts, sent as parameters), same four-decimal rounding, same tie order (the
// pool's: text score, then id; browsing: newest first). search-engine.int.test.ts checks the
// two give the same order and scores. Known differences, none reachable by ASCII or accented
// Latin titles: the title's words are `lower(unaccent(title))` split at non-alphanumerics,
// where JavaScript folds other scripts with NFKD and keeps at most 12 words of 40 letters.
import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";

import { singular } from "../query/normalize-query";
import { RANKING_CONSTANTS as K, RANKING_WEIGHTS } from "../rank/ranking-weights";
import type { EngineRanking, TokenGroup } from "../search-types";

const f8 = (x: number) => Prisma.sql`${x}::float8`;
const clamp01 = (x: Prisma.Sql) => Prisma.sql`LEAST(1::float8, GREATEST(0::float8, ${x}))`;
/** Math.round(x * 10^4) / 10^4, as JavaScript rounds (halves up, not to even). */
const round4 = (x: Prisma.Sql) => Prisma.sql`(floor((${x}) * 10000 + 0.5) / 10000)`;

/** normalize-query.ts's singular() on a SQL text expression. */
function singularSql(t: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN char_length(${t}) > 4 AND ${t} LIKE '%ies' THEN left(${t}, -3) || 'y'
    WHEN char_length(${t}) > 4 AND ${t} ~ '(ches|shes|sses|xes)$' THEN left(${t}, -2)
    WHEN char_length(${t}) > 3 AND ${t} LIKE '%s' AND ${t} NOT LIKE '%ss' THEN left(${t}, -1)
    ELSE ${t} END`;
}

/** The query's words (each once, with its singular) and its phrases (space-joined) by group. */
function queryWords(groups: TokenGroup[]) {
  const words = [...new Set(groups.flat(2))];
  const phrases: string[] = [];
  const phraseGroups: number[] = [];
  groups.forEach((group, g) =>
    group.forEach((phrase) => {
      phrases.push(phrase.join(" "));
      phraseGroups.push(g);
    }),
  );
  return { words, singulars: words.map(singular), phrases, phraseGroups };
}

export type RankedPageSql = {
  /** A CTE body over `pool`: every pool row with its `score` (and `breakdown` JSON with explain). */
  scored: Prisma.Sql;
  /** ORDER BY for `scored` rows: score, then the pool's own order. */
  order: Prisma.Sql;
};

/**
 * Scores the rows of a `pool` CTE (product_search_documents columns plus `text_score`) for
 * `text` and `groups`, and orders them best first.
 */
export function rankedPageSql(opts: {
  text: string;
  groups: TokenGroup[];
  rank: EngineRanking;
  /** The pool is ordered by text score (a query's words) or is the newest listings (browsing). */
  byText: boolean;
}): RankedPageSql {
  const { text, groups, rank } = opts;
  const w = RANKING_WEIGHTS;
  const q = queryWords(groups);
  const profile = rank.profile;
  const band = profile?.priceBand ?? null;

  const hours = Prisma.sql`p.seller_fulfilment_hours`;
  const signals: [keyof typeof RANKING_WEIGHTS, Prisma.Sql][] = [
    [
      "textRelevance",
      // The text score as the JSON of the old path carried it (float4's shortest decimal).
      Prisma.sql`CASE WHEN best.v > 0 THEN ${clamp01(Prisma.sql`p.text_score::text::float8 / best.v`)} ELSE 0::float8 END`,
    ],
    [
      "titleMatch",
      groups.length === 0
        ? Prisma.sql`0::float8`
        : Prisma.sql`(SELECT count(DISTINCT x.g) FROM unnest(${q.phrases}::text[], ${q.phraseGroups}::int[]) AS x(ph, g)
              WHERE string_to_array(x.ph, ' ') <@ t.matched)::float8 / ${f8(groups.length)}`,
    ],
    [
      "exactTitle",
      text
        ? Prisma.sql`CASE WHEN t.title_text = ${text} THEN 1::float8
            WHEN strpos(' ' || t.title_text || ' ', ' ' || ${text} || ' ') > 0 THEN 0.5::float8 ELSE 0::float8 END`
        : Prisma.sql`0::float8`,
    ],
    [
      "conversion",
      text
        ? clamp01(
            Prisma.sql`(coalesce(qs.clicks, 0) + ${f8(K.PURCHASE_CLICKS)} * coalesce(qs.purchases, 0) + ${f8(K.PRIOR_CLICKS)})
              / (coalesce(qs.impressions, 0) + ${f8(K.PRIOR_IMPRESSIONS)}) / ${f8(K.CONVERSION_CEILING)}`,
          )
        : Prisma.sql`0::float8`,
    ],
    [
      "sellerQuality",
      Prisma.sql`${f8(K.SELLER_RATING_SHARE)} * CASE WHEN p.seller_rating > 0 THEN ${clamp01(Prisma.sql`(p.seller_rating - 1) / 4`)} ELSE 0.5::float8 END
        + ${f8(K.SELLER_SPEED_SHARE)} * CASE WHEN ${hours} IS NULL THEN 0.5::float8 ELSE ${clamp01(
          Prisma.sql`1 - (${hours} - ${f8(K.FAST_FULFILMENT_HOURS)}) / (${f8(K.SLOW_FULFILMENT_HOURS)} - ${f8(K.FAST_FULFILMENT_HOURS)})`,
        )} END`,
    ],
    [
      "productRating",
      clamp01(
        Prisma.sql`((p.rating_avg * GREATEST(0, p.review_count) + ${f8(K.RATING_PRIOR_MEAN)} * ${f8(K.RATING_PRIOR_COUNT)})
          / (GREATEST(0, p.review_count) + ${f8(K.RATING_PRIOR_COUNT)}) - 1) / 4`,
      ),
    ],
    [
      "recency",
      Prisma.sql`exp(-GREATEST(0::float8, (${f8(rank.nowMs)} - floor(extract(epoch FROM p.published_at) * 1000)::float8) / 86400000) / ${f8(K.RECENCY_DECAY_DAYS)})`,
    ],
    [
      "priceCompetitiveness",
      Prisma.sql`CASE WHEN cp.median_price_cents IS NULL OR cp.median_price_cents <= 0 OR p.price_cents <= 0 THEN 0.5::float8
        ELSE ${clamp01(Prisma.sql`0.5 - 0.5 * (ln(p.price_cents::float8 / cp.median_price_cents) / ln(2::float8))`)} END`,
    ],
    ["inStock", Prisma.sql`CASE WHEN p.in_stock THEN 1::float8 ELSE 0::float8 END`],
    [
      "categoryIntent",
      rank.intentPath
        ? Prisma.sql`CASE WHEN ${rank.intentPath} = ANY(p.category_paths) THEN 1::float8 ELSE 0::float8 END`
        : Prisma.sql`0::float8`,
    ],
    [
      "personalCategory",
      profile
        ? Prisma.sql`GREATEST(0::float8,
            coalesce((SELECT max(x.v) FROM unnest(${profile.categories.map((e) => e[0])}::text[], ${profile.categories.map((e) => e[1])}::float8[]) AS x(k, v)
                       WHERE x.k = ANY(p.category_paths)), 0),
            ${f8(K.TOP_CATEGORY_SHARE)} * coalesce((SELECT x.v FROM unnest(${profile.topCategories.map((e) => e[0])}::text[], ${profile.topCategories.map((e) => e[1])}::float8[]) AS x(k, v)
                       WHERE x.k = p.category_paths[1] LIMIT 1), 0))`
        : Prisma.sql`0::float8`,
    ],
    [
      "personalPrice",
      band
        ? Prisma.sql`CASE WHEN p.price_cents >= ${band.min} AND p.price_cents <= ${band.max} THEN 1::float8 ELSE 0::float8 END`
        : Prisma.sql`0::float8`,
    ],
  ];
  const contributions = signals.map(([name, signal]) => ({
    name,
    sql: Prisma.sql`(${f8(w[name])} * (${signal}))`,
  }));
  contributions.push({
    name: "fraudPenalty",
    sql: Prisma.sql`(-${f8(w.fraudPenalty)} * ${clamp01(Prisma.sql`p.fraud_score / 100.0::float8`)})`,
  });
  // Summed in the order JavaScript adds them, so the float sums are the same.
  const sum = Prisma.join(
    contributions.map((c) => c.sql),
    " + ",
  );
  const breakdown = rank.explain
    ? Prisma.sql`json_build_object(${Prisma.join(
        contributions.map((c) => Prisma.sql`${c.name}::text, ${round4(c.sql)}`),
        ", ",
      )})`
    : Prisma.sql`NULL::json`;

  const matched = groups.length
    ? Prisma.sql`ARRAY(SELECT x.w FROM unnest(${q.words}::text[], ${q.singulars}::text[]) AS x(w, ws)
          WHERE x.ws = ANY(tk.singulars) OR EXISTS (SELECT 1 FROM unnest(tk.tokens) AS y(t) WHERE starts_with(y.t, x.w)))`
    : Prisma.sql`'{}'::text[]`;
  const scored = Prisma.sql`
    SELECT p.*, ${round4(sum)} AS score, ${breakdown} AS breakdown
      FROM pool p
      CROSS JOIN (SELECT coalesce(max(text_score::text::float8), 0) AS v FROM pool) best
      LEFT JOIN search_query_stats qs ON qs.query = ${text} AND qs.product_id = p.product_id
      LEFT JOIN search_category_prices cp ON cp.category_id = p.category_id
      CROSS JOIN LATERAL (SELECT array_remove(regexp_split_to_array(p.title_norm, '[^[:alnum:]]+'), '') AS tokens) tw
      CROSS JOIN LATERAL (SELECT tw.tokens, ARRAY(SELECT ${singularSql(Prisma.sql`y.t`)} FROM unnest(tw.tokens) AS y(t)) AS singulars) tk
      CROSS JOIN LATERAL (SELECT array_to_string(tk.tokens, ' ') AS title_text, ${matched} AS matched) t`;
  const order = opts.byText
    ? Prisma.sql`score DESC, text_score DESC, product_id ASC`
    : Prisma.sql`score DESC, published_at DESC, product_id DESC`;
  return { scored, order };
}
