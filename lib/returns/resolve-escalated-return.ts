import "server-only";

import type { z } from "zod";

import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/parse-input";

import { acceptReturn } from "./accept-return";
import { ZAdminReturnDecision } from "./return-input";
import { transitionReturn } from "./return-status";

/**
 * An admin mediates an escalated return: accept it over the seller's decline (the buyer gets a
 * label to the seller's address, or the one given) or uphold the decline; a note either way.
 */
export async function resolveEscalatedReturn(opts: {
  adminId: string;
  returnId: string;
  input: z.input<typeof ZAdminReturnDecision>;
  address?: unknown;
}): Promise<{ decision: "accept" | "uphold"; trackingNumber: string | null }> {
  const input = parseInput(ZAdminReturnDecision, opts.input);
  const { decision, note } = input;
  if (decision === "accept") {
    const r = await acceptReturn({
      returnId: opts.returnId,
      by: { type: "admin", userId: opts.adminId, note },
      address: opts.address,
    });
    return { decision, trackingNumber: r.trackingNumber };
  }
  await db().$transaction(async (tx) => {
    const r = await tx.return.findUnique({ where: { id: opts.returnId }, select: { id: true } });
    if (!r) throw new AppError("not_found", "Return not found.");
    const moved = await transitionReturn(tx, {
      returnId: r.id,
      to: "rejected",
      actorType: "admin",
      actorId: opts.adminId,
      from: ["escalated"],
      note,
      data: { adminNote: note },
    });
    if (moved.changed)
      await recordAuditEvent(tx, {
        actor: { role: "admin", id: opts.adminId },
        action: "return.escalation_resolved",
        target: { type: "return", id: r.id },
        details: { decision: "uphold", note },
      });
  });
  return { decision, trackingNumber: null };
}
