// The platform's listing rules, run on every submitted listing by the moderation job.
// Pure: the job gathers the facts, these decide.
import { findProhibitedTerms } from "./find-prohibited-terms";

// The platform's listing rules, run on every submitted listing by the moderation job.
// Pure: the job gathers the facts, these decide.

export type RuleViolation = {
  code: "no_images" | "prohibited_words" | "price_far_below_median" | "duplicate_photo" | "price_outlier";
  message: string;
};

// A seller younger than this is "new" for the price rule.
export const NEW_SELLER_DAYS = 30;
// A price below this share of the category median is suspicious for a new seller.
export const MEDIAN_PRICE_RATIO = 0.3;
// The median needs this many live listings to mean anything.
export const MIN_LISTINGS_FOR_MEDIAN = 5;

export type ListingFacts = {
  title: string;
  description: string;
  imageCount: number;
  priceCents: number;
  sellerAgeDays: number;
  categoryMedianCents: number | null;
  categoryListingCount: number;
};

export function checkListingRules(f: ListingFacts): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (f.imageCount === 0)
    out.push({ code: "no_images", message: "The listing has no images. Add at least one photo of the item." });
  const terms = findProhibitedTerms(`${f.title} ${f.description}`);
  if (terms.length)
    out.push({
      code: "prohibited_words",
      message: `The listing mentions prohibited terms: ${terms.map((t) => `"${t}"`).join(", ")}.`,
    });
  if (
    f.sellerAgeDays < NEW_SELLER_DAYS &&
    f.categoryMedianCents !== null &&
    f.categoryListingCount >= MIN_LISTINGS_FOR_MEDIAN &&
    f.priceCents < f.categoryMedianCents * MEDIAN_PRICE_RATIO
  ) {
    out.push({
      code: "price_far_below_median",
      message: `The price is far below this category's typical price (${Math.round((f.priceCents / f.categoryMedianCents) * 100)}% of the median) for a new seller.`,
    });
  }
  return out;
}
