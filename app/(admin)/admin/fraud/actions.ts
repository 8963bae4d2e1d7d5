"use server";

import { revalidatePath } from "next/cache";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { decideHeldOrder } from "@/lib/payments/decide-held-order";

export type HoldDecisionState = { error?: string; message?: string };

export const decideHoldAction = serverAction(
  { access: "admin", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, caseId: string, _prev: HoldDecisionState, form: FormData): Promise<HoldDecisionState> => {
    const decision = form.get("decision") === "refund" ? "refund" : "clear";
    const r = await decideHeldOrder({ caseId, adminId: user.id, decision, note: String(form.get("note") ?? "") });
    revalidatePath("/admin/fraud");
    return {
      message:
        r.outcome === "cleared"
          ? "Cleared: the seller was told to ship."
          : "Refunded: the buyer gets their money back and the seller was told not to ship.",
    };
  },
);
