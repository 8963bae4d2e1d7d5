"use server";

import { revalidatePath } from "next/cache";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { retryRelease } from "@/lib/payments/retry-release";

export type RetryReleaseState = { error?: string; message?: string };

const MESSAGES = {
  released: "Released: the seller was paid.",
  already_released: "Already released: the seller was paid.",
  not_releasable: "This order's money can't be released from its current state (an open dispute, or it was refunded).",
} as const;

/** Runs a parked release now (the sweep and account.updated also do, on their own). */
export const retryReleaseAction = serverAction(
  { access: "admin", args: [ARG.id] },
  async ({ user }, orderId: string, _prev: RetryReleaseState): Promise<RetryReleaseState> => {
    const outcome = await retryRelease(orderId, { role: "admin", id: user.id });
    revalidatePath("/admin/money");
    if (outcome === "parked")
      return { error: "Still waiting: the cause is not gone yet (the reason above is updated)." };
    return { message: MESSAGES[outcome] };
  },
);
