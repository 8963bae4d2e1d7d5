"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { decideClaim, ZDecision } from "@/lib/claims/decide-claim";
import { parseInput } from "@/lib/errors/parse-input";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { formatMoney } from "@/lib/money/format-money";
import { parseMoneyInput } from "@/lib/money/parse-money";

export const decideClaimAction = serverAction(
  {
    access: "admin",
    args: [ARG.id, ARG.currency, ARG.unread, ARG.form],
    // Anything but a refusal with a reason is the payment provider failing mid-refund.
    unexpected: "The payment provider could not be reached. Try again: the refund is made exactly once.",
  },
  async (
    { user },
    claimId: string,
    currency: string,
    _prev: ActionFormState,
    form: FormData,
  ): Promise<ActionFormState> => {
    const decision = String(form.get("decision") ?? "");
    let amountCents: number | null = null;
    if (decision === "refund_partial") {
      try {
        amountCents = parseMoneyInput(form.get("amount"));
      } catch (err) {
        return { error: (err as Error).message };
      }
    }
    const input = parseInput(ZDecision, {
      decision,
      note: form.get("note") ?? "",
      ...(amountCents !== null ? { amountCents } : {}),
    });
    const r = await decideClaim({ claimId, adminId: user.id, input });
    revalidatePath("/admin/claims");
    return {
      message:
        r.outcome === "rejected"
          ? "Claim rejected; the buyer and the seller have been told."
          : `Refunded ${formatMoney(r.refundedCents, currency)} to the buyer.`,
    };
  },
);
