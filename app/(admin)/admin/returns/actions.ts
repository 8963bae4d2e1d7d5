"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { resolveEscalatedReturn } from "@/lib/returns/resolve-escalated-return";
import { addressFromForm } from "@/lib/returns/return-address";
import { ZAdminReturnDecision } from "@/lib/returns/return-input";

export const resolveReturnAction = serverAction(
  {
    access: "admin",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZAdminReturnDecision,
    input: (_returnId: string, _prev: ActionFormState, form: FormData) => ({
      decision: form.get("decision") === "accept" ? "accept" : "uphold",
      note: form.get("note"),
    }),
  },
  async ({ user, input }, returnId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> => {
    const r = await resolveEscalatedReturn({
      adminId: user.id,
      returnId,
      input,
      address: input.decision === "accept" ? addressFromForm(form) : undefined,
    });
    revalidatePath("/admin/returns");
    return {
      message:
        r.decision === "accept"
          ? `Accepted: the buyer has a return label${r.trackingNumber ? ` (tracking ${r.trackingNumber})` : ""}.`
          : "The seller's decline stands; both sides have been told.",
    };
  },
);
