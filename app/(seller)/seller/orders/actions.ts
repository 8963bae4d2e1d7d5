"use server";

import { revalidatePath } from "next/cache";

import type { CancelOrderState } from "@/components/orders/cancel-order-form";
import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { shipOrder } from "@/lib/orders/ship-order";
import { cancelOrder } from "@/lib/payments/cancel-order";

export type ShipState = { error?: string; fields?: Record<string, string>; shipped?: boolean };

export async function shipOrderAction(orderId: string, _prev: ShipState, form: FormData): Promise<ShipState> {
  try {
    const user = await requireUser("seller");
    if (!user.sellerId) return { error: "Open a shop first." };
    await shipOrder({
      sellerId: user.sellerId,
      actorId: user.id,
      orderId,
      input: { carrier: form.get("carrier"), trackingNumber: form.get("trackingNumber") },
    });
  } catch (err) {
    if (isAppError(err))
      return { error: err.message, fields: err.details?.fields as Record<string, string> | undefined };
    throw err;
  }
  revalidatePath("/seller/orders");
  return { shipped: true };
}

export async function cancelOrderAction(
  orderId: string,
  _prev: CancelOrderState,
  form: FormData,
): Promise<CancelOrderState> {
  try {
    const user = await requireUser("seller");
    if (!user.sellerId) return { error: "Open a shop first." };
    await cancelOrder({
      orderId,
      by: "seller",
      sellerId: user.sellerId,
      actorId: user.id,
      input: { reason: form.get("reason") || undefined, note: form.get("note") ?? "" },
    });
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath("/seller/orders");
  return { message: "Order cancelled. The buyer was refunded in full and the items are back in stock." };
}
