"use server";

import { revalidatePath } from "next/cache";

import type { CancelOrderState } from "@/components/orders/cancel-order-form";
import type { ActionFormState } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/guards";
import { openClaim } from "@/lib/claims/open-claim";
import { isAppError } from "@/lib/errors/app-error";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { cancelOrder } from "@/lib/payments/cancel-order";
import { openDispute } from "@/lib/payments/open-dispute";

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

export async function openDisputeAction(
  orderId: string,
  _prev: { error?: string; done?: boolean },
  form: FormData,
): Promise<{ error?: string; done?: boolean }> {
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

export async function cancelOrderAction(
  orderId: string,
  _prev: CancelOrderState,
  _form: FormData,
): Promise<CancelOrderState> {
  let message: string;
  try {
    const user = await requireUser();
    const r = await cancelOrder({ orderId, by: "buyer", buyerId: user.id, input: {} });
    message =
      r.outcome === "already_cancelled"
        ? "This order was already cancelled."
        : r.refundedCents
          ? "Order cancelled. Your refund is on its way to your card."
          : "Order cancelled.";
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath(`/orders/${orderId}`);
  revalidatePath("/orders");
  return { message };
}

export async function openClaimAction(
  orderId: string,
  _prev: ActionFormState,
  form: FormData,
): Promise<ActionFormState> {
  try {
    const user = await requireUser();
    let amountCents: number | null;
    try {
      amountCents = parseMoneyInput(form.get("amount"));
    } catch (err) {
      return { error: (err as Error).message };
    }
    await openClaim({
      buyerId: user.id,
      orderId,
      input: {
        kind: form.get("kind") || undefined,
        description: form.get("description") ?? "",
        amountCents: amountCents ?? undefined,
      },
    });
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
  revalidatePath(`/orders/${orderId}`);
  return { message: "Claim sent. We'll review it and email you the decision." };
}
