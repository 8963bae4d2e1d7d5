"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors/app-error";
import { retryRelease } from "@/lib/payments/retry-release";

export type RetryReleaseState = { error?: string; message?: string };

const MESSAGES = {
  released: "Released: the seller was paid.",
  already_released: "Already released: the seller was paid.",
  not_releasable: "This order's money can't be released from its current state (an open dispute, or it was refunded).",
} as const;

/** Runs a parked release now (the sweep and account.updated also do, on their own). */
export async function retryReleaseAction(orderId: string, _prev: RetryReleaseState): Promise<RetryReleaseState> {
  try {
    await requireUser("admin");
    const outcome = await retryRelease(orderId);
    revalidatePath("/admin/money");
    if (outcome === "parked")
      return { error: "Still waiting: the cause is not gone yet (the reason above is updated)." };
    return { message: MESSAGES[outcome] };
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    throw err;
  }
}
