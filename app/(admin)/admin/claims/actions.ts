"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/guards";
import { decideClaim } from "@/lib/claims/decide-claim";
import { isAppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/format-money";
import { parseMoneyInput } from "@/lib/money/parse-money";

export async function decideClaimAction(
  claimId: string,
  currency: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  let message: string;
  try {
    const admin = await requireUser("admin");
    const decision = String(form.get("decision") ?? "");
    let amountCents: number | null = null;
    if (decision === "refund_partial") {
      try {
        amountCents = parseMoneyInput(form.get("amount"));
      } catch (err) {
        return { error: (err as Error).message };
      }
    }
    const r = await decideClaim({
      claimId,
      adminId: admin.id,
      input: { decision, note: form.get("note") ?? "", ...(amountCents !== null ? { amountCents } : {}) },
    });
    message =
      r.outcome === "rejected"
        ? "Claim rejected; the buyer and the seller have been told."
        : `Refunded ${formatMoney(r.refundedCents, currency)} to the buyer.`;
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    return { error: "The payment provider could not be reached. Try again: the refund is made exactly once." };
  }
  revalidatePath("/admin/claims");
  return { message };
}
