import "server-only";

import { db } from "@/lib/db/client";

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
