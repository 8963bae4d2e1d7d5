import "server-only";

import { db } from "@/lib/db/client";

import { CHARGEBACK_ROW_SELECT, type ChargebackRow } from "./list-open-chargebacks";

/** A seller's chargebacks (open and decided), newest first, for their payments page. */
export async function listSellerChargebacks(opts: { sellerId: string; take?: number }): Promise<ChargebackRow[]> {
  const rows = await db().chargeback.findMany({
    where: { order: { sellerId: opts.sellerId } },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 50,
    select: CHARGEBACK_ROW_SELECT,
  });
  return rows.map(({ order, ...r }) => ({ ...r, shopName: order.seller.shopName }));
}
