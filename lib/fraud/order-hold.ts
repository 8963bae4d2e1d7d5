import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { queueEmail } from "@/lib/notifications/queue-email";
import { refundOrder } from "@/lib/payments/refund-order";

/** Which of these orders are held for payment review. */
export async function heldOrderIds(orderIds: string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await db().moderationCase.findMany({
    where: { subjectType: "order", subjectId: { in: orderIds }, status: "open" },
    select: { subjectId: true },
  });
  return new Set(rows.map((r) => r.subjectId));
}

export type HeldOrder = {
  caseId: string;
  openedAt: Date;
  reasons: { code: string; message: string; score: number }[];
  score: number;
  order: {
    id: string;
    status: string;
    totalCents: number;
    currency: string;
    shopName: string;
    buyerEmail: string;
    buyerSince: Date;
    items: string;
    shipTo: string;
  };
};

/** The payment review queue, oldest first. */
export async function listHeldOrders(opts: { page?: number } = {}): Promise<{ rows: HeldOrder[]; total: number }> {
  const page = Math.max(1, opts.page ?? 1);
  const where = { subjectType: "order" as const, status: "open" as const };
  const [cases, total] = await Promise.all([
    db().moderationCase.findMany({ where, orderBy: { createdAt: "asc" }, skip: (page - 1) * 20, take: 20 }),
    db().moderationCase.count({ where }),
  ]);
  const ids = cases.map((c) => c.subjectId);
  const [orders, scores] = await Promise.all([
    db().order.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        totalCents: true,
        currency: true,
        shippingAddress: true,
        seller: { select: { shopName: true } },
        buyer: { select: { email: true, createdAt: true } },
        items: { select: { titleSnapshot: true, quantity: true } },
      },
    }),
    db().fraudSignal.findMany({
      where: { subjectType: "order", subjectId: { in: ids }, kind: "checkout.risk" },
      select: { subjectId: true, score: true },
    }),
  ]);
  const byId = new Map(orders.map((o) => [o.id, o]));
  const scoreOf = new Map(scores.map((s) => [s.subjectId, s.score]));
  const rows: HeldOrder[] = [];
  for (const c of cases) {
    const o = byId.get(c.subjectId);
    if (!o) continue;
    const a = o.shippingAddress as {
      fullName?: string;
      line1?: string;
      line2?: string | null;
      city?: string;
      postalCode?: string;
      country?: string;
    };
    rows.push({
      caseId: c.id,
      openedAt: c.createdAt,
      reasons: c.reasons as HeldOrder["reasons"],
      score: scoreOf.get(o.id) ?? 0,
      order: {
        id: o.id,
        status: o.status,
        totalCents: o.totalCents,
        currency: o.currency,
        shopName: o.seller.shopName,
        buyerEmail: o.buyer.email,
        buyerSince: o.buyer.createdAt,
        items: o.items.map((i) => `${i.quantity} × ${i.titleSnapshot}`).join(", "),
        shipTo: [a.fullName, a.line1, a.line2, `${a.postalCode ?? ""} ${a.city ?? ""}`.trim(), a.country]
          .filter(Boolean)
          .join(", "),
      },
    });
  }
  return { rows, total };
}

/**
 * An admin decides a held order: "clear" lets the seller ship (and tells them), "refund"
 * returns the buyer's money (the seller never ships). The refund happens first; the case is
 * closed only once it went through, so a failed refund leaves the order held for another try.
 */
export async function decideHeldOrder(opts: {
  caseId: string;
  adminId: string;
  decision: "clear" | "refund";
  note?: string;
}): Promise<{ orderId: string; outcome: "cleared" | "refunded" }> {
  const note = opts.note?.trim() ?? "";
  if (opts.decision === "refund" && note.length < 5)
    throw new AppError("validation_failed", "Say why the payment is refused (at least 5 characters).", {
      fields: { note: "required" },
    });
  const c = await db().moderationCase.findFirst({
    where: { id: opts.caseId, subjectType: "order" },
    select: { id: true, status: true, subjectId: true },
  });
  if (!c) throw new AppError("not_found", "Review case not found.");
  if (c.status !== "open") throw new AppError("conflict", "This order was already decided.");
  if (opts.decision === "refund")
    await refundOrder({
      orderId: c.subjectId,
      actorType: "admin",
      actorId: opts.adminId,
      reason: `Payment review: ${note}`,
      kind: "fraud",
    });
  await db().$transaction(async (tx) => {
    const closed = await tx.moderationCase.updateMany({
      where: { id: c.id, status: "open" },
      data: {
        status: opts.decision === "clear" ? "approved" : "rejected",
        resolution: note || (opts.decision === "clear" ? "Cleared to ship" : "Refunded"),
        resolvedById: opts.adminId,
        resolvedAt: new Date(),
      },
    });
    if (closed.count === 0) throw new AppError("conflict", "This order was already decided.");
    if (opts.decision === "clear") {
      const o = await tx.order.findUniqueOrThrow({
        where: { id: c.subjectId },
        select: { id: true, seller: { select: { user: { select: { id: true, email: true } } } } },
      });
      await queueEmail(tx, {
        userId: o.seller.user.id,
        to: o.seller.user.email,
        template: "order-cleared-seller",
        subject: `Cleared to ship: order ${o.id.slice(0, 8)}`,
        body: `The payment for order ${o.id.slice(0, 8)} passed our review. Please ship it now and add the tracking number: ${env().APP_URL}/seller/orders\n`,
        dedupeKey: `order:${o.id}:cleared:seller`,
      });
    }
  });
  return { orderId: c.subjectId, outcome: opts.decision === "clear" ? "cleared" : "refunded" };
}
