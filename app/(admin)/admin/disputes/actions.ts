"use server";

import { revalidatePath } from "next/cache";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { resolveDispute } from "@/lib/payments/resolve-dispute";

export type DisputeState = { error?: string; message?: string };

export const resolveDisputeAction = serverAction(
  {
    access: "admin",
    args: [ARG.id, ARG.unread, ARG.form],
    unexpected: "The payment provider could not be reached. Try again.",
  },
  async ({ user }, disputeId: string, _prev: DisputeState, form: FormData): Promise<DisputeState> => {
    const decision = form.get("decision") === "release" ? "release" : "refund";
    await resolveDispute({
      disputeId,
      adminId: user.id,
      decision,
      note: String(form.get("note") ?? "").slice(0, 1000),
    });
    revalidatePath("/admin/disputes");
    return { message: decision === "refund" ? "Refunded to the buyer." : "Released to the seller." };
  },
);
