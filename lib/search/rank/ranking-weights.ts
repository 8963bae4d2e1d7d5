// The ranking model of design deep dive 1, in one place: recall by text relevance, then
// re-rank every candidate by a weighted sum of signals, each scaled to 0..1.
//
//   score = Σ weight × signal  −  fraudPenalty × fraud_score/100
//
// Text signals carry the most weight so a listing that names what the buyer typed stays on
// top; the rest order listings that match about equally well. Changing a weight here changes
// ranking everywhere (both engines, the API, the page) and the admin score breakdown.
import { normalizeQuery, singular } from "../query/normalize-query";
import type { RankingBreakdown, SearchCandidate, TokenGroup } from "../search-types";

export const RANKING_WEIGHTS = {
  /** The engine's text relevance, relative to the best candidate of this query. */
  textRelevance: 2.0,
  /** Share of the query's words (or their synonyms) that appear in the title. */
  titleMatch: 1.5,
  /** The title is the query (1), or contains it as a phrase (0.5). */
  exactTitle: 1.5,
  /** Clicks and purchases per impression for this query (smoothed toward the average). */
  conversion: 0.6,
  /** Seller rating and fulfilment speed. */
  sellerQuality: 0.3,
  /** The listing's own rating, shrunk toward the average when it has few reviews. */
  productRating: 0.3,
  /** Newer listings get a small boost that fades over months. */
  recency: 0.15,
  /** Cheaper than the category median scores higher. */
  priceCompetitiveness: 0.2,
  /** Listings that can be bought now. */
  inStock: 0.3,
  /** The listing is in the category the query names ("running shoes" → Shoes). */
  categoryIntent: 0.5,
  /** Signed-in buyer: a category they bought from. */
  personalCategory: 0.2,
  /** Signed-in buyer: a price in the range they usually pay. */
  personalPrice: 0.1,
  /** Subtracted, times fraud_score/100. */
  fraudPenalty: 1.5,
} as const;

export type RankingWeights = { [K in keyof typeof RANKING_WEIGHTS]: number };

/** The constants inside the signals below (the PostgreSQL engine's SQL ranking reads the same ones). */
export const RANKING_CONSTANTS = {
  /** Smoothing for conversion: a listing with no history scores like PRIOR_CLICKS / PRIOR_IMPRESSIONS. */
  PRIOR_IMPRESSIONS: 20,
  PRIOR_CLICKS: 1,
  /** A purchase counts as this many clicks. */
  PURCHASE_CLICKS: 5,
  /** Conversion at or above this rate scores 1. */
  CONVERSION_CEILING: 0.5,
  RECENCY_DECAY_DAYS: 60,
  RATING_PRIOR_MEAN: 3.5,
  RATING_PRIOR_COUNT: 5,
  FAST_FULFILMENT_HOURS: 24,
  SLOW_FULFILMENT_HOURS: 168,
  /** Shares of seller quality from the rating and from fulfilment speed. */
  SELLER_RATING_SHARE: 0.6,
  SELLER_SPEED_SHARE: 0.4,
  /** A purchase in the candidate's top-level category counts this much of one in its own. */
  TOP_CATEGORY_SHARE: 0.4,
} as const;
const {
  PRIOR_IMPRESSIONS,
  PRIOR_CLICKS,
  PURCHASE_CLICKS,
  CONVERSION_CEILING,
  RECENCY_DECAY_DAYS,
  RATING_PRIOR_MEAN,
  RATING_PRIOR_COUNT,
  FAST_FULFILMENT_HOURS,
  SLOW_FULFILMENT_HOURS,
  SELLER_RATING_SHARE,
  SELLER_SPEED_SHARE,
  TOP_CATEGORY_SHARE,
} = RANKING_CONSTANTS;
const DAY_MS = 86_400_000;

export type QueryStats = { impressions: number; clicks: number; purchases: number };

export type BuyerProfile = {
  /** Category path → 0..1 (share of the buyer's purchases, relative to their favourite). */
  categories: Map<string, number>;
  /** Top-level category path → 0..1. */
  topCategories: Map<string, number>;
  /** The price range (cents) the buyer usually pays, or null when unknown. */
  priceBand: { min: number; max: number } | null;
};

export type RankingContext = {
  /** Normalized query ("" when browsing). */
  text: string;
  groups: TokenGroup[];
  now: Date;
  /** Per-query history, by product id. */
  stats: Map<string, QueryStats>;
  /** Median price (cents) per category id. */
  categoryMedians: Map<number, number>;
  intentPath: string | null;
  profile: BuyerProfile | null;
  weights?: RankingWeights;
};

export type RankedCandidate = SearchCandidate & { score: number; breakdown: RankingBreakdown };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

type TitleWords = { words: string[]; singulars: Set<string> };

function wordMatches(queryWord: string, title: TitleWords): boolean {
  return title.singulars.has(singular(queryWord)) || title.words.some((t) => t.startsWith(queryWord));
}

/** Share of query groups (a word or one of its synonym phrases) found in the title. */
export function titleMatchSignal(groups: TokenGroup[], titleWords: string[]): number {
  if (groups.length === 0) return 0;
  const title: TitleWords = { words: titleWords, singulars: new Set(titleWords.map(singular)) };
  let hit = 0;
  for (const group of groups) {
    if (group.some((phrase) => phrase.every((w) => wordMatches(w, title)))) hit += 1;
  }
  return hit / groups.length;
}

export function exactTitleSignal(text: string, titleText: string): number {
  if (!text) return 0;
  if (titleText === text) return 1;
  return ` ${titleText} `.includes(` ${text} `) ? 0.5 : 0;
}

export function conversionSignal(s: QueryStats | undefined): number {
  const impressions = s?.impressions ?? 0;
  const engaged = (s?.clicks ?? 0) + PURCHASE_CLICKS * (s?.purchases ?? 0);
  return clamp01((engaged + PRIOR_CLICKS) / (impressions + PRIOR_IMPRESSIONS) / CONVERSION_CEILING);
}

/** Seller rating (unrated counts as average) and fulfilment speed (24 h or less is best). */
export function sellerQualitySignal(sellerRating: number, fulfilmentHours: number | null): number {
  const rating = sellerRating > 0 ? clamp01((sellerRating - 1) / 4) : 0.5;
  const speed =
    fulfilmentHours == null
      ? 0.5
      : clamp01(1 - (fulfilmentHours - FAST_FULFILMENT_HOURS) / (SLOW_FULFILMENT_HOURS - FAST_FULFILMENT_HOURS));
  return SELLER_RATING_SHARE * rating + SELLER_SPEED_SHARE * speed;
}

export function productRatingSignal(ratingAvg: number, reviewCount: number): number {
  const count = Math.max(0, reviewCount);
  const shrunk = (ratingAvg * count + RATING_PRIOR_MEAN * RATING_PRIOR_COUNT) / (count + RATING_PRIOR_COUNT);
  return clamp01((shrunk - 1) / 4);
}

export function recencySignal(publishedAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - publishedAt.getTime()) / DAY_MS);
  return Math.exp(-ageDays / RECENCY_DECAY_DAYS);
}

/** 0.5 at the category median, 1 at half of it or less, 0 at double or more. */
export function priceCompetitivenessSignal(priceCents: number, medianCents: number | undefined): number {
  if (!medianCents || medianCents <= 0 || priceCents <= 0) return 0.5;
  return clamp01(0.5 - 0.5 * Math.log2(priceCents / medianCents));
}

export function personalCategorySignal(categoryPaths: string[], profile: BuyerProfile | null): number {
  if (!profile) return 0;
  let best = 0;
  for (const path of categoryPaths) best = Math.max(best, profile.categories.get(path) ?? 0);
  const top = categoryPaths[0];
  if (top) best = Math.max(best, TOP_CATEGORY_SHARE * (profile.topCategories.get(top) ?? 0));
  return best;
}

export function personalPriceSignal(priceCents: number, profile: BuyerProfile | null): number {
  const band = profile?.priceBand;
  if (!band) return 0;
  return priceCents >= band.min && priceCents <= band.max ? 1 : 0;
}

/** Scores and breakdowns keep four decimals (ties at that precision keep the engine's order). */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

// Plain ASCII titles (most) skip Unicode normalization: re-ranking does this 1,000 times a search.
function titleWords(title: string): { text: string; tokens: string[] } {
  if (/[^\x00-\x7f]/.test(title)) return normalizeQuery(title);
  const tokens = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { text: tokens.join(" "), tokens };
}

/** Scores one candidate; `bestText` is the highest text score among the candidates. */
export function scoreCandidate(
  c: SearchCandidate,
  ctx: RankingContext,
  bestText: number,
): { score: number; breakdown: RankingBreakdown } {
  const w = ctx.weights ?? RANKING_WEIGHTS;
  const title = titleWords(c.title);
  const signals: Record<Exclude<keyof RankingWeights, "fraudPenalty">, number> = {
    textRelevance: bestText > 0 ? clamp01(c.textScore / bestText) : 0,
    titleMatch: titleMatchSignal(ctx.groups, title.tokens),
    exactTitle: exactTitleSignal(ctx.text, title.text),
    conversion: ctx.text ? conversionSignal(ctx.stats.get(c.productId)) : 0,
    sellerQuality: sellerQualitySignal(c.sellerRating, c.sellerFulfilmentHours),
    productRating: productRatingSignal(c.ratingAvg, c.reviewCount),
    recency: recencySignal(c.publishedAt, ctx.now),
    priceCompetitiveness: priceCompetitivenessSignal(c.priceCents, ctx.categoryMedians.get(c.categoryId)),
    inStock: c.inStock ? 1 : 0,
    categoryIntent: ctx.intentPath && c.categoryPaths.includes(ctx.intentPath) ? 1 : 0,
    personalCategory: personalCategorySignal(c.categoryPaths, ctx.profile),
    personalPrice: personalPriceSignal(c.priceCents, ctx.profile),
  };
  const breakdown: RankingBreakdown = {};
  let score = 0;
  for (const [name, value] of Object.entries(signals) as [keyof typeof signals, number][]) {
    const contribution = w[name] * value;
    breakdown[name] = round(contribution);
    score += contribution;
  }
  const fraud = -w.fraudPenalty * clamp01(c.fraudScore / 100);
  breakdown.fraudPenalty = round(fraud);
  score += fraud;
  return { score: round(score), breakdown };
}

/**
 * Re-ranks recalled candidates, best first. Pure: everything it uses is in the arguments.
 * Ties keep the engine's order, so equal listings do not shuffle between requests.
 */
export function rerankCandidates(candidates: SearchCandidate[], ctx: RankingContext): RankedCandidate[] {
  const bestText = candidates.reduce((m, c) => Math.max(m, c.textScore), 0);
  return candidates
    .map((c, i) => ({ c, i, ...scoreCandidate(c, ctx, bestText) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ c, score, breakdown }) => ({ ...c, score, breakdown }));
}
