"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { decideHeldOrder } from "@/lib/payments/decide-held-order";

export type HoldDecisionState = { error?: string; message?: string };

export async function decideHoldAction(
  caseId: string,
  _prev: HoldDecisionState,
  form: FormData,
): Promise<HoldDecisionState> {
  try {
    const admin = await requireUser("admin");
    const decision = form.get("decision") === "refund" ? "refund" : "clear";
    const r = await decideHeldOrder({ caseId, adminId: admin.id, decision, note: String(form.get("note") ?? "") });
    revalidatePath("/admin/fraud");
    return {
      message:
        r.outcome === "cleared"
          ? "Cleared: the seller was told to ship."
          : "Refunded: the buyer gets their money back and the seller was told not to ship.",
    };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}
