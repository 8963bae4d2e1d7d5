import "server-only";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { nextListingStatus } from "./listing-status";

/** An admin suspends a listing (with a reason the seller sees) or reinstates it. */
export async function setListingSuspension(opts: {
  productId: string;
  adminId: string;
  suspend: boolean;
  reason?: string;
}): Promise<{ status: string }> {
  const reason = opts.reason?.trim();
  if (opts.suspend && (!reason || reason.length < 5))
    throw new AppError("validation_failed", "Give the seller a reason (at least 5 characters).", {
      fields: { reason: "required" },
    });
  return db().$transaction(async (tx) => {
    const p = await tx.product.findUnique({ where: { id: opts.productId }, select: { status: true } });
    if (!p) throw new AppError("not_found", "Listing not found.");
    const status = nextListingStatus(p.status, opts.suspend ? "suspend" : "reinstate");
    await tx.product.update({
      where: { id: opts.productId },
      data: { status, statusReason: opts.suspend ? reason : null },
    });
    await tx.moderationCase.create({
      data: {
        subjectType: "product",
        subjectId: opts.productId,
        productId: opts.productId,
        status: opts.suspend ? "suspended" : "approved",
        reasons: [{ code: "admin_action", message: reason ?? "Reinstated" }],
        resolution: reason ?? "Reinstated",
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    await recordOutboxEvent(tx, {
      aggregateType: "product",
      aggregateId: opts.productId,
      eventType: `product.${status}`,
    });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: opts.suspend ? "listing.suspended" : "listing.reinstated",
      target: { type: "product", id: opts.productId },
      details: { reason: reason ?? null, status },
    });
    return { status };
  });
}
