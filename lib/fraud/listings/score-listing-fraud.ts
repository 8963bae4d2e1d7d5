import type { Tx } from "@/lib/db/client";

// Listing fraud, scored when a listing is submitted for review (the moderation job):
// - the same photo listed by another seller: a stolen or duplicate listing. Exact copies match
//   on the upload's SHA-256; re-encoded or resized copies on its dHash, within a few bits;
// - a price far below the category's, by robust statistics: the median and the median absolute
//   deviation (MAD) are not moved by the few extreme listings a mean and deviation would be.
// The result is the listing's fraud_score (0..100, the noisy-OR of its signals), which search
// ranking reads as its fraud penalty.

const SAME_PHOTO_MAX_BITS = 6;
// A plain picture (one colour, no detail) has a dHash of all zeros, which every other plain picture
// shares: only its exact bytes can say it is a copy.
const MIN_DETAIL_BITS = 1;
// Robust z below this is an outlier (Iglewicz and Hoaglin's 3.5 on the modified z-score).
const OUTLIER_Z = -3.5;
const MIN_CATEGORY_LISTINGS = 5;
const NEW_SELLER_DAYS = 30;

export type ListingSignal = {
  kind: "listing.duplicate_photo" | "listing.price_outlier";
  score: number;
  message: string;
};

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

export async function scoreListingFraud(
  tx: Tx,
  opts: { productId: string },
): Promise<{ score: number; signals: ListingSignal[] }> {
  const product = await tx.product.findUniqueOrThrow({
    where: { id: opts.productId },
    select: {
      id: true,
      sellerId: true,
      priceCents: true,
      currency: true,
      categoryId: true,
      seller: { select: { createdAt: true } },
    },
  });
  const signals: ListingSignal[] = [];

  const copies = await tx.$queryRaw<{ shop_name: string; title: string; exact: boolean }[]>`
    SELECT DISTINCT ON (op.id) sp.shop_name, op.title, (ou.sha256 = mu.sha256) AS exact
      FROM product_images mi JOIN uploads mu ON mu.id = mi.upload_id
      JOIN uploads ou ON ou.purpose = 'product_image' AND ou.id <> mu.id
       AND (ou.sha256 = mu.sha256
            OR (bit_count(('x' || mu.dhash)::bit(64)) >= ${MIN_DETAIL_BITS}
                AND bit_count(('x' || ou.dhash)::bit(64) # ('x' || mu.dhash)::bit(64)) <= ${SAME_PHOTO_MAX_BITS}))
      JOIN product_images oi ON oi.upload_id = ou.id
      JOIN products op ON op.id = oi.product_id AND op.seller_id <> ${product.sellerId}::uuid
      JOIN seller_profiles sp ON sp.id = op.seller_id
     WHERE mi.product_id = ${product.id}::uuid AND mu.dhash IS NOT NULL AND ou.dhash IS NOT NULL
     LIMIT 3`;
  if (copies.length > 0)
    signals.push({
      kind: "listing.duplicate_photo",
      score: 80,
      message: `A photo is ${copies[0].exact ? "an exact copy" : "a copy"} of one in "${copies[0].title}" by another shop (${copies[0].shop_name})${copies.length > 1 ? `, and ${copies.length - 1} more` : ""}.`,
    });

  const [stats] = await tx.$queryRaw<{ median: number | null; mad: number | null; n: number }[]>`
    WITH peers AS (
      SELECT price_cents FROM products
       WHERE category_id = ${product.categoryId} AND currency = ${product.currency} AND status = 'active'
         AND id <> ${product.id}::uuid
    ), m AS (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY price_cents) AS median FROM peers)
    SELECT m.median::float AS median,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(price_cents - m.median)) FROM peers)::float AS mad,
           (SELECT count(*)::int FROM peers) AS n
      FROM m`;
  if (stats?.median && stats.n >= MIN_CATEGORY_LISTINGS) {
    // A category of identical prices has MAD 0: a tenth of the median stands in for its spread.
    const spread = Math.max(stats.mad ?? 0, stats.median * 0.1);
    const z = (0.6745 * (product.priceCents - stats.median)) / spread;
    if (z < OUTLIER_Z) {
      const newSeller = Date.now() - product.seller.createdAt.getTime() < NEW_SELLER_DAYS * 86_400_000;
      signals.push({
        kind: "listing.price_outlier",
        score: newSeller ? 75 : 45,
        message: `Priced at ${money(product.priceCents, product.currency)}, far below the category's median of ${money(Math.round(stats.median), product.currency)} (robust z ${z.toFixed(1)})${newSeller ? ", by a shop under 30 days old" : ""}.`,
      });
    }
  }

  const score = Math.round(100 * (1 - signals.reduce((keep, s) => keep * (1 - s.score / 100), 1)));
  for (const s of signals)
    await tx.fraudSignal.create({
      data: {
        subjectType: "product",
        subjectId: product.id,
        kind: s.kind,
        score: s.score,
        details: { reason: s.message },
      },
    });
  await tx.product.update({ where: { id: product.id }, data: { fraudScore: score } });
  return { score, signals };
}
