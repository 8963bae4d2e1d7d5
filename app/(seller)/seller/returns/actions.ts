"use server";

import { revalidatePath } from "next/cache";
import type { ActionFormState } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { acceptReturn } from "@/lib/returns/accept-return";
import { declineReturn } from "@/lib/returns/decline-return";
import { addressFromForm } from "@/lib/returns/return-address";

async function asSeller(work: (seller: { sellerId: string; userId: string }) => Promise<string>): Promise<ActionFormState> {
  let message: string;
  try {
    const user = await requireUser("seller");
    if (!user.sellerId) return { error: "Open a shop first." };
    message = await work({ sellerId: user.sellerId, userId: user.id });
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath("/seller/returns");
  return { message };
}

export async function acceptReturnAction(returnId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> {
  return asSeller(async (s) => {
    const { trackingNumber } = await acceptReturn({ returnId, by: { type: "seller", ...s }, address: addressFromForm(form) });
    return trackingNumber ? `Accepted. The buyer has a return label (tracking ${trackingNumber}).` : "Accepted. The label is on its way to the buyer.";
  });
}

export async function declineReturnAction(returnId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> {
  return asSeller(async (s) => {
    await declineReturn({ sellerId: s.sellerId, actorId: s.userId, returnId, input: { reason: form.get("note") } });
    return "Declined. The buyer has been told why.";
  });
}
