"use server";

import { redirect } from "next/navigation";

import { requireUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { becomeSeller } from "@/lib/sellers/become-seller";

export type BecomeSellerState = { error?: string; fields?: Record<string, string> };

export async function becomeSellerAction(_prev: BecomeSellerState, form: FormData): Promise<BecomeSellerState> {
  try {
    const user = await requireUser();
    await becomeSeller(
      user.id,
      { shopName: form.get("shopName"), slug: form.get("slug"), description: form.get("description") || undefined },
      { appUrl: env().APP_URL },
    );
  } catch (err) {
    if (isAppError(err))
      return { error: err.message, fields: err.details?.fields as Record<string, string> | undefined };
    throw err;
  }
  redirect("/seller?welcome=1");
}
