import "server-only";

import type { ProductSummary } from "@/lib/catalog/product-summary";
import { listRecentlyViewedIds } from "@/lib/favourites/list-recently-viewed-ids";

import { getAlsoBought } from "./get-also-bought";
import { getPickedForYou } from "./get-picked-for-you";
import { getSimilarItems } from "./get-similar-items";
import { listRecommendedProducts } from "./list-recommended-products";
import type { RecommendationKind, TRecommendationsQuery } from "./recommendations-query";

const BLOCK_SIZE = 8;

export type RecommendationBlock = {
  kind: RecommendationKind;
  title: string;
  /** What the block's impressions and clicks are counted under: `<kind>:<page>`. */
  placement: string;
  products: ProductSummary[];
};

const TITLES: Record<RecommendationKind, string> = {
  also_bought: "Customers also bought",
  similar: "Similar items",
  recently_viewed: "Recently viewed",
  for_you: "Picked for you",
};

/**
 * The recommendation blocks of one page: "also bought" and "similar items" for the product,
 * cart and order pages (about their listings), "recently viewed" on the product and home pages
 * (a signed-in buyer's from the server, a signed-out visitor's as they send it), and "picked
 * for you" on a signed-in buyer's home. Blocks without items are left out; a listing shows in
 * one block only, the first that has it.
 */
export async function getRecommendations(opts: {
  query: TRecommendationsQuery;
  userId: string | null;
}): Promise<RecommendationBlock[]> {
  const { page, product_ids: about, recent } = opts.query;
  const wanted: [RecommendationKind, Promise<string[]>][] = [];
  if (page !== "home" && about.length) {
    wanted.push(["also_bought", getAlsoBought(about, BLOCK_SIZE * 2)]);
    wanted.push(["similar", getSimilarItems(about[0], BLOCK_SIZE * 2)]);
  }
  if (page === "home" && opts.userId) wanted.push(["for_you", getPickedForYou(opts.userId, BLOCK_SIZE)]);
  if (page === "home" || page === "product")
    wanted.push([
      "recently_viewed",
      opts.userId ? listRecentlyViewedIds({ userId: opts.userId, limit: BLOCK_SIZE + 1 }) : Promise.resolve(recent),
    ]);
  const lists = await Promise.all(wanted.map(([, ids]) => ids));
  const cards = await listRecommendedProducts(lists.flat());
  const shown = new Set(about);
  const blocks: RecommendationBlock[] = [];
  wanted.forEach(([kind], i) => {
    const products: ProductSummary[] = [];
    for (const id of lists[i]) {
      const card = cards.get(id);
      if (!card || shown.has(id) || products.length >= BLOCK_SIZE) continue;
      shown.add(id);
      products.push(card);
    }
    if (products.length) blocks.push({ kind, title: TITLES[kind], placement: `${kind}:${page}`, products });
  });
  return blocks;
}
