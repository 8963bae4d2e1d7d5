import "server-only";

import { db } from "@/lib/db/client";

export type OpenClaim = {
  id: string;
  kind: string;
  description: string;
  requestedCents: number | null;
  lines: { orderItemId: string; quantity: number }[];
  createdAt: Date;
  order: {
    id: string;
    status: string;
    escrowStatus: string;
    totalCents: number;
    refundedCents: number;
    currency: string;
    deliveredAt: Date | null;
    shopName: string;
    buyerEmail: string;
    items: { id: string; titleSnapshot: string; quantity: number; unitPriceCents: number; refundedQuantity: number }[];
  };
};

/** The admin's claims queue, oldest first, with what was paid, refunded and released. */
export async function listOpenClaims(opts: { page?: number } = {}): Promise<{ rows: OpenClaim[]; total: number }> {
  const page = Math.max(1, opts.page ?? 1);
  const where = { status: "open" as const };
  const [rows, total] = await Promise.all([
    db().claim.findMany({
      where,
      orderBy: { createdAt: "asc" },
      skip: (page - 1) * 20,
      take: 20,
      select: {
        id: true,
        kind: true,
        description: true,
        requestedCents: true,
        lines: true,
        createdAt: true,
        order: {
          select: {
            id: true,
            status: true,
            escrowStatus: true,
            totalCents: true,
            refundedCents: true,
            currency: true,
            deliveredAt: true,
            seller: { select: { shopName: true } },
            buyer: { select: { email: true } },
            items: {
              orderBy: { id: "asc" },
              select: { id: true, titleSnapshot: true, quantity: true, unitPriceCents: true, refundedQuantity: true },
            },
          },
        },
      },
    }),
    db().claim.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((c) => ({
      ...c,
      lines: c.lines as OpenClaim["lines"],
      order: { ...c.order, shopName: c.order.seller.shopName, buyerEmail: c.order.buyer.email },
    })),
  };
}
