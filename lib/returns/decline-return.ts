import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { ZDeclineReturn } from "./return-input";
import { transitionReturn } from "./return-status";

/** The seller declines a requested return of their own order, with a reason the buyer reads (and may escalate). */
export async function declineReturn(opts: {
  sellerId: string;
  actorId: string;
  returnId: string;
  input: z.input<typeof ZDeclineReturn>;
}): Promise<void> {
  const input = parseInput(ZDeclineReturn, opts.input);
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
      note: input.reason,
      data: { declineReason: input.reason },
    });
  });
}
