import { z } from "zod";

const MAX_IDS = 20;

export const RECOMMENDATION_PAGES = ["product", "cart", "order", "home"] as const;
export type RecommendationPage = (typeof RECOMMENDATION_PAGES)[number];
export type RecommendationKind = "also_bought" | "similar" | "recently_viewed" | "for_you";

const zIdList = (what: string) =>
  z
    .string()
    .max(MAX_IDS * 37, `Name at most ${MAX_IDS} ${what}.`)
    .optional()
    .transform((s) => (s ? [...new Set(s.split(",").filter(Boolean))] : []))
    .pipe(
      z.array(z.uuid(`Each of the ${what} must be a listing id.`)).max(MAX_IDS, `Name at most ${MAX_IDS} ${what}.`),
    );

export const ZRecommendationsQuery = z.object({
  page: z.enum(RECOMMENDATION_PAGES, { error: "Page must be product, cart, order or home." }),
  product_ids: zIdList("products").meta({ description: "The listings the page is about (comma-separated ids)." }),
  recent: zIdList("recently viewed listings").meta({
    description: "A signed-out visitor's recently viewed listings, newest first (kept in their browser).",
  }),
});
export type TRecommendationsQuery = z.infer<typeof ZRecommendationsQuery>;
