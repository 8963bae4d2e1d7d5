import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { assertCanPublish } from "./assert-can-publish";
import { nextListingStatus, type ListingAction } from "./listing-status";

type SellerAction = Extract<ListingAction, "submit" | "archive" | "withdraw">;

/** A seller submits, withdraws or deletes (archives) their own listing. */
export async function changeListingStatus(opts: {
  sellerId: string;
  productId: string;
  action: SellerAction;
}): Promise<{ productId: string; status: string }> {
  return db().$transaction(async (tx) => {
    const current = await tx.product.findFirst({
      where: { id: opts.productId, sellerId: opts.sellerId },
      select: { id: true, status: true },
    });
    if (!current) throw new AppError("not_found", "Listing not found.");
    const status = nextListingStatus(current.status, opts.action);
    if (status === "pending_review") await assertCanPublish(tx, opts.sellerId);
    // Conditional on the status read above, so two concurrent actions cannot both apply.
    const updated = await tx.product.updateMany({
      where: { id: current.id, status: current.status },
      data: { status, ...(opts.action === "submit" ? { statusReason: null } : {}) },
    });
    if (updated.count !== 1) throw new AppError("conflict", "The listing changed meanwhile. Reload and try again.");
    await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: current.id, eventType: `product.${status}` });
    if (status === "pending_review")
      await enqueueJob({ name: JOBS.moderateListing, data: { productId: current.id }, tx });
    return { productId: current.id, status };
  });
}
