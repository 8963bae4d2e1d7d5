import "server-only";

import type { Carrier } from "@/lib/carriers/carrier";
import { getCarrier } from "@/lib/carriers/get-carrier";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import { isStoredAddress, toCarrierAddress } from "./return-address";

export type IssueLabelOutcome = {
  outcome: "issued" | "already_issued" | "not_accepted";
  trackingNumber: string | null;
};

/**
 * Gets the accepted return's prepaid label from the carrier and records its tracking number;
 * the buyer's "print your label" email is queued with it. The carrier call has an idempotency
 * key from the return and recording is conditional, so a retry after a crash anywhere ends
 * with one label. No transaction spans the call.
 */
export async function issueReturnLabel(returnId: string, opts: { carrier?: Carrier } = {}): Promise<IssueLabelOutcome> {
  const r = await db().return.findUnique({
    where: { id: returnId },
    select: {
      id: true,
      status: true,
      trackingNumber: true,
      returnAddress: true,
      order: { select: { id: true, shippingAddress: true, seller: { select: { shopName: true } } } },
    },
  });
  if (!r) throw new AppError("not_found", "Return not found.");
  if (r.trackingNumber) return { outcome: "already_issued", trackingNumber: r.trackingNumber };
  if (r.status !== "accepted") return { outcome: "not_accepted", trackingNumber: null };
  if (!isStoredAddress(r.returnAddress) || !isStoredAddress(r.order.shippingAddress))
    throw new AppError("conflict", "This return has no complete addresses for a label.");

  const label = await (opts.carrier ?? getCarrier()).createReturnLabel({
    reference: `return:${r.id}`,
    from: toCarrierAddress(r.order.shippingAddress),
    to: toCarrierAddress(
      r.returnAddress,
      `${r.order.seller.shopName} returns (${r.returnAddress.fullName})`.slice(0, 100),
    ),
    idempotencyKey: `return-label:${r.id}`,
  });

  return db().$transaction(async (tx) => {
    const recorded = await tx.return.updateMany({
      where: { id: r.id, trackingNumber: null },
      data: {
        carrier: label.carrier.slice(0, 50),
        trackingNumber: label.trackingNumber,
        labelCreatedAt: label.createdAt,
      },
    });
    if (recorded.count === 0) return { outcome: "already_issued" as const, trackingNumber: label.trackingNumber };
    await emitDomainEvent(tx, "return.label_ready", { returnId: r.id, from: null });
    return { outcome: "issued" as const, trackingNumber: label.trackingNumber };
  });
}
