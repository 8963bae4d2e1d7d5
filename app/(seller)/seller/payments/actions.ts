"use server";

import { redirect } from "next/navigation";

import { env } from "@/lib/env";
import { serverAction } from "@/lib/http/server-action";
import { startSellerOnboarding } from "@/lib/sellers/start-seller-onboarding";

export const startOnboardingAction = serverAction(
  { access: "seller", unexpected: "The payment provider could not be reached. Try again in a minute." },
  async ({ user }): Promise<{ error?: string }> => {
    if (!user.sellerId) return { error: "Open a shop first." };
    const { url } = await startSellerOnboarding({ sellerId: user.sellerId, email: user.email, appUrl: env().APP_URL });
    redirect(url);
  },
);
