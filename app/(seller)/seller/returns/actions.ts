"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { ActionFormState } from "@/components/ui/action-form";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { acceptReturn } from "@/lib/returns/accept-return";
import { confirmReturnReceipt } from "@/lib/returns/confirm-return-receipt";
import { declineReturn } from "@/lib/returns/decline-return";
import { addressFromForm } from "@/lib/returns/return-address";
import { ZDeclineReturn } from "@/lib/returns/return-input";

function shopOf(user: CurrentUser): { sellerId: string; userId: string } {
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
  return { sellerId: user.sellerId, userId: user.id };
}

/** A decided return leaves the list the seller acted in: show the one it moved to, with a notice. */
function showList(then: { filter: string; done: string }): never {
  revalidatePath("/seller/returns");
  redirect(`/seller/returns?filter=${then.filter}&done=${then.done}`);
}

export const acceptReturnAction = serverAction(
  { access: "seller", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, returnId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> => {
    await acceptReturn({ returnId, by: { type: "seller", ...shopOf(user) }, address: addressFromForm(form) });
    showList({ filter: "on-the-way", done: "accepted" });
  },
);

export const declineReturnAction = serverAction(
  {
    access: "seller",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZDeclineReturn,
    input: (_returnId: string, _prev: ActionFormState, form: FormData) => ({ reason: form.get("note") }),
  },
  async ({ user, input }, returnId: string, _prev: ActionFormState, _form: FormData): Promise<ActionFormState> => {
    const s = shopOf(user);
    await declineReturn({ sellerId: s.sellerId, actorId: s.userId, returnId, input });
    showList({ filter: "declined", done: "declined" });
  },
);

export const confirmReturnReceiptAction = serverAction(
  { access: "seller", args: [ARG.id] },
  async ({ user }, returnId: string, _prev: ActionFormState): Promise<ActionFormState> => {
    const s = shopOf(user);
    await confirmReturnReceipt({ sellerId: s.sellerId, actorId: s.userId, returnId });
    showList({ filter: "done", done: "received" });
  },
);
