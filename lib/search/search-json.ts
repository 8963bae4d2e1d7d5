// The REST API speaks the design's snake_case JSON: { results, facets, total, next_page }.
import type { SearchResponse } from "./search-types";
import { searchHref, type SearchState } from "./search-url";

const mediaUrl = (key: string) => `/media/${key}`;

export function searchResponseJson(r: SearchResponse, state: SearchState) {
  return {
    results: r.results.map((h, i) => ({
      product_id: h.id,
      title: h.title,
      url: `/products/${h.id}`,
      price: { amount_cents: h.priceCents, currency: h.currency },
      rating_avg: h.ratingAvg,
      review_count: h.reviewCount,
      in_stock: h.inventoryCount > 0,
      seller: { shop_name: h.shopName },
      category_id: h.categoryId,
      image: h.image
        ? {
            url: mediaUrl(h.image.variants[0]?.key ?? h.image.key),
            width: h.image.width,
            height: h.image.height,
            variants: h.image.variants.map((v) => ({ url: mediaUrl(v.key), width: v.width, height: v.height })),
          }
        : null,
      position: (r.page - 1) * r.perPage + i + 1,
      ...(h.score !== undefined ? { score: h.score, score_breakdown: h.breakdown } : {}),
    })),
    facets: {
      categories: r.facets.categories.map((c) => ({ slug: c.slug, path: c.path, name: c.name, count: c.count })),
      price_ranges: r.facets.priceRanges.map((p) => ({ min_cents: p.minCents, max_cents: p.maxCents, count: p.count })),
      attributes: r.facets.attributes.map((a) => ({ key: a.key, values: a.values })),
      ratings: r.facets.ratings.map((x) => ({ min: x.min, count: x.count })),
      in_stock: r.facets.inStock,
      exact: r.facets.exact,
    },
    total: r.total,
    total_is_exact: r.totalExact,
    page: r.page,
    per_page: r.perPage,
    page_count: r.pageCount,
    next_page: r.nextPage,
    next_page_url: r.nextPage ? searchHref(state, { page: r.nextPage }).replace(/^\/search/, "/api/v1/search") : null,
    query: {
      q: r.query.q,
      normalized: r.query.normalized,
      searched_instead: r.query.searchedInstead,
      did_you_mean: r.query.didYouMean,
      category_intent: r.query.categoryIntent
        ? { slug: r.query.categoryIntent.slug, path: r.query.categoryIntent.path, name: r.query.categoryIntent.name }
        : null,
    },
    category: r.category ? { slug: r.category.slug, path: r.category.path, name: r.category.name } : null,
    sort: r.sort,
    engine: r.engine,
    took_ms: r.tookMs,
  };
}
