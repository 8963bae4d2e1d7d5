import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { transitionReturn } from "./return-status";

/** The buyer withdraws their own return before the parcel is on its way; its items can be asked back again. */
export async function cancelReturn(opts: { buyerId: string; returnId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const r = await tx.return.findFirst({
      where: { id: opts.returnId, order: { buyerId: opts.buyerId } },
      select: { id: true },
    });
    if (!r) throw new AppError("not_found", "Return not found.");
    await transitionReturn(tx, {
      returnId: r.id,
      to: "cancelled",
      actorType: "buyer",
      actorId: opts.buyerId,
      from: ["requested", "declined", "accepted"],
      note: "Withdrawn by the buyer",
    });
  });
}
