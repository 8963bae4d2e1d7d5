"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { confirmDelivery } from "@/lib/orders/fulfil-order";
import { openDispute } from "@/lib/payments/disputes";

export async function confirmDeliveryAction(orderId: string): Promise<{ error?: string }> {
  try {
    const user = await requireUser();
    await confirmDelivery({ buyerId: user.id, orderId });
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath(`/orders/${orderId}`);
  return {};
}

export async function openDisputeAction(orderId: string, _prev: { error?: string; done?: boolean }, form: FormData): Promise<{ error?: string; done?: boolean }> {
  try {
    const user = await requireUser();
    await openDispute({ buyerId: user.id, orderId, input: { reason: form.get("reason") } });
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath(`/orders/${orderId}`);
  return { done: true };
}
