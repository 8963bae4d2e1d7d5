import "server-only";

import { ZAddress } from "@/lib/addresses/address-input";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isCarrierError } from "@/lib/carriers/carrier";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import { logger } from "@/lib/log/logger";

import { issueReturnLabel } from "./issue-return-label";
import type { StoredAddress } from "./return-address";
import { transitionReturn } from "./return-status";

export type ReturnDecider =
  { type: "seller"; sellerId: string; userId: string } | { type: "admin"; userId: string; note: string };

/**
 * The seller accepts a requested return (or an admin accepts an escalated one): the parcel's
 * destination is fixed (the address given, else the seller's default address, which a first
 * address given also becomes), the label job is queued in the same transaction, and then the
 * label is asked for at once; if the carrier is down the job gets it later.
 */
export async function acceptReturn(opts: {
  returnId: string;
  by: ReturnDecider;
  address?: unknown;
}): Promise<{ trackingNumber: string | null }> {
  let given: StoredAddress | undefined;
  if (opts.address !== undefined) {
    const parsed = ZAddress.safeParse(opts.address);
    if (!parsed.success) throw zodToAppError(parsed.error, "Return address");
    given = parsed.data;
  }
  await db().$transaction(async (tx) => {
    const r = await tx.return.findFirst({
      where: { id: opts.returnId, ...(opts.by.type === "seller" ? { order: { sellerId: opts.by.sellerId } } : {}) },
      select: { id: true, order: { select: { seller: { select: { userId: true } } } } },
    });
    if (!r) throw new AppError("not_found", "Return not found.");
    const sellerUserId = r.order.seller.userId;
    let address = given;
    if (!address) {
      const saved = await tx.address.findFirst({
        where: { userId: sellerUserId },
        orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
      });
      if (!saved)
        throw new AppError("validation_failed", "Enter the address the parcel should come back to.", {
          fields: { address: "required" },
        });
      address = {
        fullName: saved.fullName,
        line1: saved.line1,
        line2: saved.line2,
        city: saved.city,
        region: saved.region,
        postalCode: saved.postalCode,
        country: saved.country,
      };
    } else if ((await tx.address.count({ where: { userId: sellerUserId } })) === 0) {
      await tx.address.create({
        data: {
          ...address,
          line2: address.line2 ?? null,
          region: address.region ?? null,
          userId: sellerUserId,
          isDefault: true,
        },
      });
    }
    const snapshot = {
      fullName: address.fullName,
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      region: address.region ?? null,
      postalCode: address.postalCode,
      country: address.country,
    };
    const moved = await transitionReturn(tx, {
      returnId: r.id,
      to: "accepted",
      actorType: opts.by.type,
      actorId: opts.by.userId,
      from: opts.by.type === "seller" ? ["requested"] : ["escalated"],
      note: opts.by.type === "admin" ? opts.by.note : null,
      data: {
        returnAddress: snapshot,
        ...(opts.by.type === "admin" ? { adminNote: opts.by.note.slice(0, 1000) } : {}),
      },
    });
    if (moved.changed) await enqueueJob({ name: JOBS.issueReturnLabel, data: { returnId: r.id }, tx });
    if (moved.changed && opts.by.type === "admin")
      await recordAuditEvent(tx, {
        actor: { role: "admin", id: opts.by.userId },
        action: "return.escalation_resolved",
        target: { type: "return", id: r.id },
        details: { decision: "accept", note: opts.by.note },
      });
  });
  try {
    return { trackingNumber: (await issueReturnLabel(opts.returnId)).trackingNumber };
  } catch (err) {
    if (!isCarrierError(err)) throw err;
    logger.warn({ err, returnId: opts.returnId }, "return label not issued yet; the job retries");
    return { trackingNumber: null };
  }
}
