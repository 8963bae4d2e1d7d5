/**
 * "Top rated" ranks by a Bayesian average: each listing's reviews are blended with
 * RATING_PRIOR_WEIGHT imaginary reviews at RATING_PRIOR_MEAN, so a few reviews move the score
 * a little and many move it to their own average:
 *
 *     score = (review_count × rating_avg + WEIGHT × MEAN) / (review_count + WEIGHT)
 *
 * One 5-star review scores (5 + 35) / 11 = 3.64; two hundred at 4.8 score 4.74; no reviews
 * score the prior, 3.5, below any listing whose buyers rate it well and above one they rate
 * poorly. The mean sits a little under the catalogue's usual 4-4.5 on purpose: a listing has to
 * earn its place above the unreviewed. SQL computes the same with listing_rating_score()
 * (migration 20261205150000_listing_rating_score), whose constants must match these.
 */
export const RATING_PRIOR_MEAN = 3.5;
export const RATING_PRIOR_WEIGHT = 10;

export function listingRatingScore(ratingAvg: number, reviewCount: number): number {
  return (reviewCount * ratingAvg + RATING_PRIOR_WEIGHT * RATING_PRIOR_MEAN) / (reviewCount + RATING_PRIOR_WEIGHT);
}
