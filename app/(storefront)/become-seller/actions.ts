"use server";

import { redirect } from "next/navigation";

import { env } from "@/lib/env";
import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { becomeSeller, ZBecomeSeller } from "@/lib/sellers/become-seller";

export type BecomeSellerState = { error?: string; fields?: Record<string, string> };

export const becomeSellerAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZBecomeSeller,
    input: (_prev: BecomeSellerState, form: FormData) => ({
      shopName: form.get("shopName"),
      slug: form.get("slug"),
      description: form.get("description") || undefined,
    }),
  },
  async ({ user, input }, _prev: BecomeSellerState, _form: FormData): Promise<BecomeSellerState> => {
    await becomeSeller(user.id, input, { appUrl: env().APP_URL });
    redirect("/seller?welcome=1");
  },
);
