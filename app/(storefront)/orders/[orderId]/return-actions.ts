"use server";

import { revalidatePath } from "next/cache";

import type { ActionFormState } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { cancelReturn } from "@/lib/returns/cancel-return";
import { escalateReturn } from "@/lib/returns/escalate-return";
import { requestReturn } from "@/lib/returns/request-return";

async function run(
  orderId: string,
  work: (userId: string) => Promise<unknown>,
  message: string,
): Promise<ActionFormState> {
  try {
    const user = await requireUser();
    await work(user.id);
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath(`/orders/${orderId}`);
  return { message };
}

export async function requestReturnAction(
  orderId: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  const items = [...form.entries()]
    .filter(([k, v]) => k.startsWith("qty:") && Number(v) > 0)
    .map(([k, v]) => ({ order_item_id: k.slice(4), quantity: Number(v) }));
  const input = {
    items,
    reason: form.get("reason") ?? undefined,
    note: String(form.get("note") ?? ""),
    images: form.getAll("images").map(String),
  };
  return run(
    orderId,
    (buyerId) => requestReturn({ buyerId, orderId, input }),
    "Return requested. The seller has been told and will accept or decline it; we'll email you.",
  );
}

export async function cancelReturnAction(
  orderId: string,
  returnId: string,
  _prev: ActionFormState,
): Promise<ActionFormState> {
  return run(orderId, (buyerId) => cancelReturn({ buyerId, returnId }), "Return withdrawn.");
}

export async function escalateReturnAction(
  orderId: string,
  returnId: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  return run(
    orderId,
    (buyerId) => escalateReturn({ buyerId, returnId, input: { note: form.get("note") } }),
    "Sent to the marketplace for review. We'll email you the decision.",
  );
}
