"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { resolveEscalatedReturn } from "@/lib/returns/resolve-escalated-return";
import { addressFromForm } from "@/lib/returns/return-address";

export async function resolveReturnAction(
  returnId: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  let message: string;
  try {
    const admin = await requireUser("admin");
    const decision = form.get("decision") === "accept" ? "accept" : "uphold";
    const r = await resolveEscalatedReturn({
      adminId: admin.id,
      returnId,
      input: { decision, note: form.get("note") },
      address: decision === "accept" ? addressFromForm(form) : undefined,
    });
    message =
      r.decision === "accept"
        ? `Accepted: the buyer has a return label${r.trackingNumber ? ` (tracking ${r.trackingNumber})` : ""}.`
        : "The seller's decline stands; both sides have been told.";
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath("/admin/returns");
  return { message };
}
