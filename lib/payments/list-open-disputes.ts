import "server-only";

import { db } from "@/lib/db/client";

/** Open disputes for the admin console, oldest first, with each order's history. */
export async function listOpenDisputes() {
  return db().dispute.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: {
      id: true,
      reason: true,
      createdAt: true,
      stripeDisputeId: true,
      order: {
        select: {
          id: true,
          status: true,
          totalCents: true,
          currency: true,
          escrowStatus: true,
          seller: { select: { shopName: true } },
          buyer: { select: { email: true } },
          items: { select: { titleSnapshot: true, quantity: true } },
          transitions: {
            orderBy: { createdAt: "asc" },
            select: { toStatus: true, actorType: true, note: true, createdAt: true },
          },
        },
      },
    },
  });
}
