"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { resolveDispute } from "@/lib/payments/resolve-dispute";

export type DisputeState = { error?: string; message?: string };

export async function resolveDisputeAction(
  disputeId: string,
  _prev: DisputeState,
  form: FormData,
): Promise<DisputeState> {
  try {
    const admin = await requireUser("admin");
    const decision = form.get("decision") === "release" ? "release" : "refund";
    await resolveDispute({
      disputeId,
      adminId: admin.id,
      decision,
      note: String(form.get("note") ?? "").slice(0, 1000),
    });
    revalidatePath("/admin/disputes");
    return { message: decision === "refund" ? "Refunded to the buyer." : "Released to the seller." };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    return { error: "The payment provider could not be reached. Try again." };
  }
}
