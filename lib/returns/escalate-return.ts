import "server-only";

import type { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { ZEscalateReturn } from "./return-input";
import { transitionReturn } from "./return-status";

/** The buyer disagrees with the seller's decline of their own return: an admin decides. */
export async function escalateReturn(opts: {
  buyerId: string;
  returnId: string;
  input: z.input<typeof ZEscalateReturn>;
}): Promise<void> {
  const input = parseInput(ZEscalateReturn, opts.input);
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
      note: input.note,
      data: { escalationNote: input.note },
    });
  });
}
