// How pages see a return: one select and one mapping shared by the buyer's order page, the
// seller's returns list and the admin queue.
import "server-only";

import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, ReturnReason, ReturnRefundTrigger, ReturnStatus } from "@/lib/generated/prisma/enums";
import type { ObjectStorage } from "@/lib/storage/object-storage";

import { returnReasonLabel } from "./return-rules";

export const RETURN_VIEW_SELECT = {
  id: true,
  orderId: true,
  status: true,
  reason: true,
  note: true,
  declineReason: true,
  escalationNote: true,
  adminNote: true,
  carrier: true,
  trackingNumber: true,
  labelCreatedAt: true,
  carrierDeliveredAt: true,
  receivedAt: true,
  refundTrigger: true,
  refundedCents: true,
  refundedAt: true,
  createdAt: true,
  items: {
    orderBy: { id: "asc" },
    select: {
      orderItemId: true,
      quantity: true,
      orderItem: { select: { titleSnapshot: true, unitPriceCents: true, currency: true } },
    },
  },
  images: { orderBy: { position: "asc" }, select: { uploadId: true, upload: { select: { variants: true } } } },
  changes: { orderBy: { createdAt: "asc" }, select: { toStatus: true, actorType: true, note: true, createdAt: true } },
} satisfies Prisma.ReturnSelect;

export type ReturnView = {
  id: string;
  orderId: string;
  status: ReturnStatus;
  reason: ReturnReason;
  reasonLabel: string;
  note: string;
  declineReason: string | null;
  escalationNote: string | null;
  adminNote: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  labelUrl: string | null;
  createdAt: Date;
  carrierDeliveredAt: Date | null;
  receivedAt: Date | null;
  // When the buyer is refunded without the seller's word, once the carrier delivered it.
  autoRefundAt: Date | null;
  refundTrigger: ReturnRefundTrigger | null;
  refundedCents: number | null;
  refundedAt: Date | null;
  currency: string;
  itemsCents: number;
  items: { orderItemId: string; title: string; quantity: number; unitPriceCents: number }[];
  images: { uploadId: string; url: string }[];
  changes: { toStatus: ReturnStatus; actorType: ActorType; note: string | null; createdAt: Date }[];
};

type Variant = { width: number; key: string };

export function toReturnView(
  r: Prisma.ReturnGetPayload<{ select: typeof RETURN_VIEW_SELECT }>,
  storage: Pick<ObjectStorage, "publicUrl">,
): ReturnView {
  const items = r.items.map((i) => ({
    orderItemId: i.orderItemId,
    title: i.orderItem.titleSnapshot,
    quantity: i.quantity,
    unitPriceCents: i.orderItem.unitPriceCents,
  }));
  const labelled =
    Boolean(r.trackingNumber) && !["requested", "declined", "escalated", "rejected", "cancelled"].includes(r.status);
  return {
    id: r.id,
    orderId: r.orderId,
    status: r.status,
    reason: r.reason,
    reasonLabel: returnReasonLabel(r.reason),
    note: r.note,
    declineReason: r.declineReason,
    escalationNote: r.escalationNote,
    adminNote: r.adminNote,
    carrier: r.carrier,
    trackingNumber: r.trackingNumber,
    labelUrl: labelled ? `/api/v1/returns/${r.id}/label` : null,
    createdAt: r.createdAt,
    carrierDeliveredAt: r.carrierDeliveredAt,
    receivedAt: r.receivedAt,
    autoRefundAt:
      r.status === "delivered" && r.carrierDeliveredAt
        ? new Date(r.carrierDeliveredAt.getTime() + env().RETURN_AUTO_REFUND_DAYS * 86_400_000)
        : null,
    refundTrigger: r.refundTrigger,
    refundedCents: r.refundedCents,
    refundedAt: r.refundedAt,
    currency: r.items[0]?.orderItem.currency ?? "USD",
    itemsCents: items.reduce((s, i) => s + i.quantity * i.unitPriceCents, 0),
    items,
    images: r.images.flatMap((img) => {
      const thumb = [...((img.upload.variants as Variant[]) ?? [])].sort((a, b) => a.width - b.width)[0];
      return thumb ? [{ uploadId: img.uploadId, url: storage.publicUrl(thumb.key) }] : [];
    }),
    changes: r.changes,
  };
}
