// Text checks for fake reviews, as pure functions.
//
// Near-duplicates: each review becomes its set of character 5-gram shingles (case, punctuation
// and spacing ignored, so "Great!! product" and "great product" match), compared by Jaccard
// similarity |A ∩ B| / |A ∪ B|. A review is checked against at most a few hundred recent reviews
// of the same product and shop, so exact Jaccard over the sets is cheap; MinHash only pays off
// when comparing against everything, and would need its own index. Hand-written because it is
// a dozen lines and no maintained package does only this.

const SHINGLE = 5;

/** The normalised text's character shingles. Texts shorter than a shingle are one shingle. */
export function shingles(text: string): Set<string> {
  const t = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const out = new Set<string>();
  if (t.length <= SHINGLE) {
    if (t) out.add(t);
    return out;
  }
  for (let i = 0; i + SHINGLE <= t.length; i++) out.add(t.slice(i, i + SHINGLE));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

/** At or above this similarity two reviews are near-duplicates (one edited copy of the other). */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;
/** Reviews with fewer shingles than this ("Great!", "Love it") are alike by chance, not copied. */
export const MIN_SHINGLES = 25;

// Wording that says the review was paid for: a free or refunded product, a discount or gift
// card, asked-for stars. Each pattern is a phrase, not a word, so "free shipping" or "I paid
// full price" is not a hit.
const INCENTIVE: readonly RegExp[] = [
  /\b(received|got|given|sent)\b[^.!?]{0,40}\b(for free|free of charge|at no cost|free (product|sample|item))/i,
  /\bin exchange for\b[^.!?]{0,30}\breview/i,
  /\b(full )?refund(ed)?\b[^.!?]{0,40}\b(after|for|in return for)\b[^.!?]{0,20}\breview/i,
  /\b(discount|coupon|voucher|gift ?card|cash ?back|paypal|payment)\b[^.!?]{0,40}\bfor\b[^.!?]{0,20}\b(review|5.?stars?|five stars?)/i,
  /\b(paid|compensated|rewarded)\b[^.!?]{0,20}\b(to|for)\b[^.!?]{0,20}\b(review|write|leave)/i,
  /\b(asked|told)\b[^.!?]{0,20}\b(me|us)\b[^.!?]{0,20}\b(leave|give|post)\b[^.!?]{0,20}\b(5|five).?stars?/i,
];

/** The incentivised phrase in a review, or null. */
export function incentivisedPhrase(text: string): string | null {
  for (const re of INCENTIVE) {
    const m = text.match(re);
    if (m) return m[0];
  }
  return null;
}
