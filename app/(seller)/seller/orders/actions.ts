"use server";

import { revalidatePath } from "next/cache";

import type { CancelOrderState } from "@/components/orders/cancel-order-form";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { ZShipment } from "@/lib/orders/order-input";
import { shipOrder } from "@/lib/orders/ship-order";
import { cancelOrder, ZSellerCancel } from "@/lib/payments/cancel-order";

export type ShipState = { error?: string; fields?: Record<string, string>; shipped?: boolean };

function shopOf(user: CurrentUser): string {
  if (!user.sellerId) throw new AppError("forbidden", "Open a shop first.");
  return user.sellerId;
}

export const shipOrderAction = serverAction(
  {
    access: "seller",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZShipment,
    input: (_orderId: string, _prev: ShipState, form: FormData) => ({
      carrier: form.get("carrier"),
      trackingNumber: form.get("trackingNumber"),
    }),
  },
  async ({ user, input }, orderId: string, _prev: ShipState, _form: FormData): Promise<ShipState> => {
    await shipOrder({ sellerId: shopOf(user), actorId: user.id, orderId, input });
    revalidatePath("/seller/orders");
    revalidatePath(`/seller/orders/${orderId}`);
    return { shipped: true };
  },
);

export const cancelOrderAction = serverAction(
  {
    access: "seller",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZSellerCancel,
    input: (_orderId: string, _prev: CancelOrderState, form: FormData) => ({
      reason: form.get("reason") || undefined,
      note: form.get("note") ?? "",
    }),
  },
  async ({ user, input }, orderId: string, _prev: CancelOrderState, _form: FormData): Promise<CancelOrderState> => {
    await cancelOrder({ orderId, by: "seller", sellerId: shopOf(user), actorId: user.id, input });
    revalidatePath("/seller/orders");
    return { message: "Order cancelled. The buyer was refunded in full and the items are back in stock." };
  },
);
