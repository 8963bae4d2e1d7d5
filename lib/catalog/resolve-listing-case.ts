import "server-only";

import { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zText } from "@/lib/errors/input-primitives";
import { parseInput } from "@/lib/errors/parse-input";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import { nextListingStatus } from "./listing-status";

export const ZResolveCase = z
  .object({
    decision: z.enum(["approve", "reject", "suspend"], { error: "Choose approve, reject or suspend." }),
    reason: zText({ what: "Reason", max: 1000, multiline: true }).optional(),
  })
  .refine((v) => v.decision === "approve" || (v.reason && v.reason.length >= 5), {
    message: "Give the seller a reason (at least 5 characters).",
    path: ["reason"],
  })
  .meta({ id: "ListingCaseDecision", title: "Decision" });

const CASE_STATUS = { approve: "approved", reject: "rejected", suspend: "suspended" } as const;

/** An admin decides an open listing case: approve (live), reject (seller sees why) or suspend. */
export async function resolveListingCase(opts: {
  caseId: string;
  adminId: string;
  input: z.input<typeof ZResolveCase>;
}): Promise<{ productId: string; productStatus: string }> {
  const input = parseInput(ZResolveCase, opts.input);
  const { decision, reason } = input;
  return db().$transaction(async (tx) => {
    const c = await tx.moderationCase.findUnique({
      where: { id: opts.caseId },
      select: { id: true, status: true, productId: true, product: { select: { status: true } } },
    });
    if (!c || !c.productId || !c.product) throw new AppError("not_found", "Case not found.");
    if (c.status !== "open") throw new AppError("conflict", "This case is already resolved.");
    const status = nextListingStatus(c.product.status, decision);
    await tx.product.update({
      where: { id: c.productId },
      data: {
        status,
        statusReason: decision === "approve" ? null : reason,
        ...(decision === "approve" ? { publishedAt: new Date() } : {}),
      },
    });
    await tx.moderationCase.update({
      where: { id: c.id },
      data: {
        status: CASE_STATUS[decision],
        resolution: reason ?? "Approved",
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    await recordOutboxEvent(tx, { aggregateType: "product", aggregateId: c.productId, eventType: `product.${status}` });
    // The seller hears the decision (lib/notifications); a suspension is told by its own path.
    if (decision === "approve") await emitDomainEvent(tx, "listing.approved", { productId: c.productId });
    if (decision === "reject")
      await emitDomainEvent(tx, "listing.rejected", { productId: c.productId, reason: reason ?? "" });
    await recordAuditEvent(tx, {
      actor: { role: "admin", id: opts.adminId },
      action: "listing.case_resolved",
      target: { type: "product", id: c.productId },
      details: { caseId: c.id, decision, reason: reason ?? null, status },
    });
    return { productId: c.productId, productStatus: status };
  });
}
