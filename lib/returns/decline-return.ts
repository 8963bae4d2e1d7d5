import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { ZDeclineReturn } from "./return-input";
import { transitionReturn } from "./return-status";

/** The seller declines a requested return of their own order, with a reason the buyer reads (and may escalate). */
export async function declineReturn(opts: {
  sellerId: string;
  actorId: string;
  returnId: string;
  input: unknown;
}): Promise<void> {
  const parsed = ZDeclineReturn.safeParse(opts.input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Decline");
  await db().$transaction(async (tx) => {
    const r = await tx.return.findFirst({
      where: { id: opts.returnId, order: { sellerId: opts.sellerId } },
      select: { id: true },
    });
    if (!r) throw new AppError("not_found", "Return not found.");
    await transitionReturn(tx, {
      returnId: r.id,
      to: "declined",
      actorType: "seller",
      actorId: opts.actorId,
      from: ["requested"],
      note: parsed.data.reason,
      data: { declineReason: parsed.data.reason },
    });
  });
}
