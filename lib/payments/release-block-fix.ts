import type { ReleaseBlockCode } from "@/lib/generated/prisma/enums";

/** What fixes the cause, worded for the seller or for an admin. */
export function releaseBlockFix(code: ReleaseBlockCode, reader: "seller" | "admin"): string {
  switch (code) {
    case "no_payout_account":
      return reader === "seller"
        ? "Connect payouts on your Payments page: the money is sent the moment your account is ready."
        : "Waiting for the seller to connect payouts; it resumes by itself when Stripe reports their account enabled.";
    case "payouts_disabled":
      return reader === "seller"
        ? "Finish setting up payouts on your Payments page (Stripe lists what it still needs): the money is sent the moment your account is ready."
        : "Waiting for the seller to finish Stripe's requirements; it resumes by itself when Stripe reports their account enabled.";
    case "insufficient_platform_balance":
      return reader === "seller"
        ? "Nothing for you to do: the marketplace retries automatically and you'll get an email when it's sent."
        : "Add funds to the platform's Stripe balance (or wait for pending funds), then retry now; the sweep also retries on its schedule.";
    case "stripe_error":
      return reader === "seller"
        ? "Nothing for you to do: the marketplace retries automatically and you'll get an email when it's sent."
        : "Check the error above; the sweep retries on its schedule, or retry now.";
  }
}
