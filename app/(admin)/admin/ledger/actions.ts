"use server";

import { revalidatePath } from "next/cache";

import { serverAction } from "@/lib/http/server-action";
import { formatMoney } from "@/lib/money/format-money";
import { runDailyPayouts } from "@/lib/payouts/run-daily-payouts";

/** Runs a payout batch now (the worker also runs it daily at 02:30). Safe to repeat: a rerun pays only what became available since, never twice. */
export const runPayoutsAction = serverAction(
  { access: "admin" },
  async ({ user }): Promise<{ message?: string; error?: string }> => {
    const r = await runDailyPayouts({ actor: { role: "admin", id: user.id } });
    revalidatePath("/admin/ledger");
    return {
      message: r.sellers
        ? `Paid out ${formatMoney(r.paidOut, "USD")} to ${r.sellers} ${r.sellers === 1 ? "seller" : "sellers"}.`
        : "Nothing to pay out.",
    };
  },
);
