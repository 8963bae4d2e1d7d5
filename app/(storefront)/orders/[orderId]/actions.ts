"use server";

import { revalidatePath } from "next/cache";

import type { CancelOrderState } from "@/components/orders/cancel-order-form";
import type { ActionFormState } from "@/components/ui/action-form";
import { openClaim, ZClaim } from "@/lib/claims/open-claim";
import { parseInput } from "@/lib/errors/parse-input";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { parseMoneyInput } from "@/lib/money/parse-money";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { cancelOrder } from "@/lib/payments/cancel-order";
import { openDispute, ZDispute } from "@/lib/payments/open-dispute";

type DisputeState = { error?: string; done?: boolean };

export const confirmDeliveryAction = serverAction(
  { access: "user", args: [ARG.id] },
  async ({ user }, orderId: string): Promise<{ error?: string }> => {
    await confirmDelivery({ buyerId: user.id, orderId });
    revalidatePath(`/orders/${orderId}`);
    return {};
  },
);

export const openDisputeAction = serverAction(
  {
    access: "user",
    args: [ARG.id, ARG.unread, ARG.form],
    schema: ZDispute,
    input: (_orderId: string, _prev: DisputeState, form: FormData) => ({ reason: form.get("reason") }),
  },
  async ({ user, input }, orderId: string, _prev: DisputeState, _form: FormData): Promise<DisputeState> => {
    await openDispute({ buyerId: user.id, orderId, input });
    revalidatePath(`/orders/${orderId}`);
    return { done: true };
  },
);

export const cancelOrderAction = serverAction(
  { access: "user", args: [ARG.id] },
  async ({ user }, orderId: string, _prev: CancelOrderState, _form: FormData): Promise<CancelOrderState> => {
    const r = await cancelOrder({ orderId, by: "buyer", buyerId: user.id, input: {} });
    revalidatePath(`/orders/${orderId}`);
    revalidatePath("/orders");
    if (r.outcome === "already_cancelled") return { message: "This order was already cancelled." };
    return {
      message: r.refundedCents ? "Order cancelled. Your refund is on its way to your card." : "Order cancelled.",
    };
  },
);

export const openClaimAction = serverAction(
  { access: "user", args: [ARG.id, ARG.unread, ARG.form] },
  async ({ user }, orderId: string, _prev: ActionFormState, form: FormData): Promise<ActionFormState> => {
    let amountCents: number | null;
    try {
      amountCents = parseMoneyInput(form.get("amount"));
    } catch (err) {
      return { error: (err as Error).message };
    }
    // Parsed here, after the amount, so a mistyped amount is the message the buyer sees first.
    const input = parseInput(ZClaim, {
      kind: form.get("kind") || undefined,
      description: form.get("description") ?? "",
      amountCents: amountCents ?? undefined,
    });
    await openClaim({ buyerId: user.id, orderId, input });
    revalidatePath(`/orders/${orderId}`);
    return { message: "Claim sent. We'll review it and email you the decision." };
  },
);
