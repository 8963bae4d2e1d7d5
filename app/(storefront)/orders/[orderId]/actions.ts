"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { confirmDelivery } from "@/lib/orders/fulfil-order";

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
