"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { cancelReturn } from "@/lib/returns/cancel-return";
import { escalateReturn } from "@/lib/returns/escalate-return";
import { requestReturn } from "@/lib/returns/request-return";
import { ZEscalateReturn, ZRequestReturn } from "@/lib/returns/return-input";

export const requestReturnAction = serverAction(
  {
    access: "user",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZRequestReturn,
    input: (_orderId: string, _prev: ActionFormState, form: FormData) => ({
      items: [...form.entries()]
        .filter(([k, v]) => k.startsWith("qty:") && Number(v) > 0)
        .map(([k, v]) => ({ order_item_id: k.slice(4), quantity: Number(v) })),
      reason: form.get("reason") ?? undefined,
      note: String(form.get("note") ?? ""),
      images: form.getAll("images").map(String),
    }),
  },
  async ({ user, input }, orderId: string, _prev: ActionFormState, _form: FormData): Promise<ActionFormState> => {
    await requestReturn({ buyerId: user.id, orderId, input });
    revalidatePath(`/orders/${orderId}`);
    return { message: "Return requested. The seller has been told and will accept or decline it; we'll email you." };
  },
);

export const cancelReturnAction = serverAction(
  { access: "user", args: [ARG.id, ARG.id] },
  async ({ user }, orderId: string, returnId: string, _prev: ActionFormState): Promise<ActionFormState> => {
    await cancelReturn({ buyerId: user.id, returnId });
    revalidatePath(`/orders/${orderId}`);
    return { message: "Return withdrawn." };
  },
);

export const escalateReturnAction = serverAction(
  {
    access: "user",
    args: [ARG.id, ARG.id, ARG.unread, ARG.form],
    schema: ZEscalateReturn,
    input: (_orderId: string, _returnId: string, _prev: ActionFormState, form: FormData) => ({
      note: form.get("note"),
    }),
  },
  async (
    { user, input },
    orderId: string,
    returnId: string,
    _prev: ActionFormState,
    _form: FormData,
  ): Promise<ActionFormState> => {
    await escalateReturn({ buyerId: user.id, returnId, input });
    revalidatePath(`/orders/${orderId}`);
    return { message: "Sent to the marketplace for review. We'll email you the decision." };
  },
);
