"use server";

import { redirect } from "next/navigation";

import { requireUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { startSellerOnboarding } from "@/lib/sellers/start-seller-onboarding";

export async function startOnboardingAction(): Promise<{ error?: string }> {
  let url: string;
  try {
    const user = await requireUser("seller");
    if (!user.sellerId) return { error: "Open a shop first." };
    url = (await startSellerOnboarding({ sellerId: user.sellerId, email: user.email, appUrl: env().APP_URL })).url;
  } catch (err) {
    if (isAppError(err)) return { error: err.message };
    return { error: "The payment provider could not be reached. Try again in a minute." };
  }
  redirect(url);
}
