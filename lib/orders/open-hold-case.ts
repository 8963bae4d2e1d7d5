import type { Tx } from "@/lib/db/client";

/** The open payment review holding an order, if any: a held order may not be shipped. */
export async function openHoldCase(tx: Tx, orderId: string): Promise<{ id: string } | null> {
  return tx.moderationCase.findFirst({
    where: { subjectType: "order", subjectId: orderId, status: "open" },
    select: { id: true },
  });
}
