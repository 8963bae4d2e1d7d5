import "server-only";

import { db } from "@/lib/db/client";
import { getStorage } from "@/lib/storage/get-storage";

import type { StoredAddress } from "./return-address";
import { RETURN_VIEW_SELECT, toReturnView, type ReturnView } from "./return-view";

export type EscalatedReturn = ReturnView & {
  shopName: string;
  buyerEmail: string;
  orderTotalCents: number;
  sellerAddress: StoredAddress | null;
};

/** The admin's mediation queue: returns the buyer escalated after the seller declined, oldest first. */
export async function listEscalatedReturns(): Promise<EscalatedReturn[]> {
  const rows = await db().return.findMany({
    where: { status: "escalated" },
    orderBy: { updatedAt: "asc" },
    take: 50,
    select: {
      ...RETURN_VIEW_SELECT,
      order: {
        select: {
          totalCents: true,
          buyer: { select: { email: true } },
          seller: {
            select: {
              shopName: true,
              user: { select: { addresses: { orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }], take: 1 } } },
            },
          },
        },
      },
    },
  });
  const storage = getStorage();
  return rows.map((r) => {
    const a = r.order.seller.user.addresses[0];
    return {
      ...toReturnView(r, storage),
      shopName: r.order.seller.shopName,
      buyerEmail: r.order.buyer.email,
      orderTotalCents: r.order.totalCents,
      sellerAddress: a
        ? {
            fullName: a.fullName,
            line1: a.line1,
            line2: a.line2,
            city: a.city,
            region: a.region,
            postalCode: a.postalCode,
            country: a.country,
          }
        : null,
    };
  });
}
