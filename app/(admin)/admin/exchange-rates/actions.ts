"use server";

import { revalidatePath } from "next/cache";

import { setExchangeRate } from "@/lib/fx/set-exchange-rate";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";

export type RateFormState = { error?: string; message?: string };

export const setExchangeRateAction = serverAction(
  { access: "admin", args: [ARG.currency, ARG.unread, ARG.form] },
  async ({ user }, currency: string, _prev: RateFormState, form: FormData): Promise<RateFormState> => {
    const r = await setExchangeRate({ adminId: user.id, currency, perEur: String(form.get("perEur") ?? "") });
    revalidatePath("/admin/exchange-rates");
    return { message: `1 EUR = ${r.perEur} ${r.currency} from now on.` };
  },
);
