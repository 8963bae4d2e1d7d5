"use server";

import { revalidatePath } from "next/cache";

import { requireUser } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/money/format-money";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";

/** Runs a payout batch now (the worker also runs it daily at 02:30). Safe to repeat: a rerun pays only what became available since, never twice. */
export async function runPayoutsAction(): Promise<{ message: string }> {
  await requireUser("admin");
  const r = await runDailyPayouts();
  revalidatePath("/admin/ledger");
  return {
    message: r.sellers
      ? `Paid out ${formatMoney(r.paidOut, "USD")} to ${r.sellers} ${r.sellers === 1 ? "seller" : "sellers"}.`
      : "Nothing to pay out.",
  };
}
