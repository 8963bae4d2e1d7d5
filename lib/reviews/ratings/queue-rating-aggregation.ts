import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

/**
 * Asks the worker to recompute a product's and its seller's ratings. Called inside the
 * transaction that changed a review, so the job exists exactly when the change commits.
 */
export async function queueRatingAggregation(tx: Tx, opts: { productId: string; sellerId: string }): Promise<void> {
  await enqueueJob({ name: JOBS.aggregateReviews, data: { productId: opts.productId, sellerId: opts.sellerId }, tx });
}
