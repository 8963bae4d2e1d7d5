// `npm run reviews:recompute`: the repair command for ratings. Recomputes every product's
// rating_avg, review_count and rating_histogram and every seller's rating from the visible
// reviews, writing only those that drifted. Safe beside the running worker, and repeatable.
//   --product ID   only this product (and nothing else)
//   --seller ID    only this seller's rating
//   --batch N      rows checked per query (default 1000)
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";

import { createPrismaClient } from "../lib/db/client";
import { aggregateReviews } from "../lib/reviews/ratings/aggregate-reviews";
import { recomputeAllRatings } from "../lib/reviews/ratings/recompute-all-ratings";

const { values: args } = parseArgs({
  options: { product: { type: "string" }, seller: { type: "string" }, batch: { type: "string", default: "1000" } },
});
const say = (line: string) => console.log(`[reviews:recompute] ${line}`);

function fail(message: string): never {
  console.error(`[reviews:recompute] ${message}`);
  process.exit(1);
}

if (existsSync(".env")) process.loadEnvFile(".env");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("DATABASE_URL is not set. Set it to the marketplace's postgresql:// URL.");
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail("DATABASE_URL must be a postgresql:// URL.");
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
for (const [flag, value] of [
  ["--product", args.product],
  ["--seller", args.seller],
] as const) {
  if (value !== undefined && !uuid.test(value)) fail(`${flag} must be an id (a UUID), got "${value}".`);
}
const batchSize = Number(args.batch);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
  fail(`--batch must be a whole number from 1 to 10000, got "${args.batch}".`);

const prisma = createPrismaClient(databaseUrl, 2);
const t0 = Date.now();
try {
  if (args.product || args.seller) {
    const r = await aggregateReviews({ productId: args.product, sellerId: args.seller }, prisma);
    if (args.product)
      say(
        r.product
          ? `product ${args.product}: ${r.product.avg} over ${r.product.count} reviews [${r.product.histogram.join(", ")}]${r.product.changed ? " (fixed)" : " (already right)"}`
          : `product ${args.product} not found`,
      );
    if (args.seller)
      say(
        r.seller
          ? `seller ${args.seller}: ${r.seller.avg} over ${r.seller.count} reviews${r.seller.changed ? " (fixed)" : " (already right)"}`
          : `seller ${args.seller} not found`,
      );
    if ((args.product && !r.product) || (args.seller && !r.seller)) process.exitCode = 1;
  } else {
    const r = await recomputeAllRatings({ batchSize, onProgress: say }, prisma);
    say(
      `done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${r.productsFixed} of ${r.productsChecked} products and ${r.sellersFixed} of ${r.sellersChecked} sellers fixed.`,
    );
  }
} finally {
  await prisma.$disconnect();
}
// A repaired rating revalidates its cached page through Redis, whose connection would keep the
// process alive.
process.exit();
