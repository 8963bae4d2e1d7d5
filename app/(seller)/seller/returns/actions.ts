"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { ActionFormState } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { acceptReturn } from "@/lib/returns/accept-return";
import { confirmReturnReceipt } from "@/lib/returns/confirm-return-receipt";
import { declineReturn } from "@/lib/returns/decline-return";
import { addressFromForm } from "@/lib/returns/return-address";

/**
 * Runs a seller's decision, then shows the list the return moved to (with a notice), since it
 * leaves the one the seller acted in.
 */
async function asSeller(
  work: (seller: { sellerId: string; userId: string }) => Promise<unknown>,
  then: { filter: string; done: string },
): Promise<ActionFormState> {
  try {
    const user = await requireUser("seller");
    if (!user.sellerId) return { error: "Open a shop first." };
    await work({ sellerId: user.sellerId, userId: user.id });
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath("/seller/returns");
  redirect(`/seller/returns?filter=${then.filter}&done=${then.done}`);
}

export async function acceptReturnAction(
  returnId: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  return asSeller((s) => acceptReturn({ returnId, by: { type: "seller", ...s }, address: addressFromForm(form) }), {
    filter: "on-the-way",
    done: "accepted",
  });
}

export async function declineReturnAction(
  returnId: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  return asSeller(
    (s) => declineReturn({ sellerId: s.sellerId, actorId: s.userId, returnId, input: { reason: form.get("note") } }),
    { filter: "declined", done: "declined" },
  );
}

export async function confirmReturnReceiptAction(returnId: string, _prev: ActionFormState): Promise<ActionFormState> {
  return asSeller((s) => confirmReturnReceipt({ sellerId: s.sellerId, actorId: s.userId, returnId }), {
    filter: "done",
    done: "received",
  });
}
