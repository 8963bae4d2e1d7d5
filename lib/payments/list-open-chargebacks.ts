import "server-only";

import { db } from "@/lib/db/client";

export type ChargebackRow = {
  id: string;
  stripeDisputeId: string;
  orderId: string;
  stage: "held" | "released";
  status: "open" | "won" | "lost";
  reason: string;
  amountCents: number;
  sellerShareCents: number;
  feeCents: number;
  currency: string;
  createdAt: Date;
  closedAt: Date | null;
  shopName: string;
};

export const CHARGEBACK_ROW_SELECT = {
  id: true,
  stripeDisputeId: true,
  orderId: true,
  stage: true,
  status: true,
  reason: true,
  amountCents: true,
  sellerShareCents: true,
  feeCents: true,
  currency: true,
  createdAt: true,
  closedAt: true,
  order: { select: { seller: { select: { shopName: true } } } },
} as const;

/** Card disputes still open, oldest first, for the admin's money-needing-attention queue. */
export async function listOpenChargebacks(opts: { take?: number } = {}): Promise<ChargebackRow[]> {
  const rows = await db().chargeback.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    take: opts.take ?? 100,
    select: CHARGEBACK_ROW_SELECT,
  });
  return rows.map(({ order, ...r }) => ({ ...r, shopName: order.seller.shopName }));
}
