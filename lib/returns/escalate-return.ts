import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { ZEscalateReturn } from "./return-input";
import { transitionReturn } from "./return-status";

/** The buyer disagrees with the seller's decline of their own return: an admin decides. */
export async function escalateReturn(opts: { buyerId: string; returnId: string; input: unknown }): Promise<void> {
  const parsed = ZEscalateReturn.safeParse(opts.input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Escalation");
  await db().$transaction(async (tx) => {
    const r = await tx.return.findFirst({
      where: { id: opts.returnId, order: { buyerId: opts.buyerId } },
      select: { id: true },
    });
    if (!r) throw new AppError("not_found", "Return not found.");
    await transitionReturn(tx, {
      returnId: r.id,
      to: "escalated",
      actorType: "buyer",
      actorId: opts.buyerId,
      from: ["declined"],
      note: parsed.data.note,
      data: { escalationNote: parsed.data.note },
    });
  });
}
