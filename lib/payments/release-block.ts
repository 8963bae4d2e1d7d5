// Why an escrow release could not run, told apart from a failed Stripe call, and what each
// cause asks of whom. Pure: release-escrow records the result on the order, the pages and
// emails word it for their reader.
import type { ReleaseBlockCode } from "@/lib/generated/prisma/enums";

export type ReleaseFailure = {
  code: ReleaseBlockCode;
  /** The message shown to the seller and the admin (at most 500 characters). */
  reason: string;
  /**
   * Stripe refused the request outright, so nothing was created; its refusal is replayed for
   * the same idempotency key, so the next attempt must use a new one. False for a timeout, a
   * dropped connection or a 5xx, where the transfer may exist: retries keep the key.
   */
  refused: boolean;
};

type StripeLikeError = { type?: string; code?: string; statusCode?: number; message?: string };

// Stripe error codes that say the connected account cannot receive a transfer now.
const ACCOUNT_CODES = new Set([
  "insufficient_capabilities_for_transfer",
  "account_invalid",
  "account_closed",
  "transfers_not_allowed",
  "payouts_not_allowed",
]);

export const NO_PAYOUT_ACCOUNT: ReleaseFailure = {
  code: "no_payout_account",
  reason: "The seller has not connected a payout account yet.",
  refused: false,
};
export const PAYOUTS_DISABLED: ReleaseFailure = {
  code: "payouts_disabled",
  reason: "The seller's payout account can't receive payments yet: Stripe needs more details from them.",
  refused: false,
};

/** Classifies what a failed Stripe transfer call means for the release. */
export function classifyReleaseFailure(err: unknown): ReleaseFailure {
  const e = (err ?? {}) as StripeLikeError;
  const status = e.statusCode ?? 0;
  // 409 (a concurrent request under the key), 429 (rate limited) and an idempotency mismatch
  // may sit beside a transfer that was made: they keep the key.
  const refused =
    status >= 400 && status < 500 && status !== 409 && status !== 429 && e.type !== "StripeIdempotencyError";
  const detail = (e.message ?? String(err)).slice(0, 400);
  if (e.code && ACCOUNT_CODES.has(e.code))
    return {
      code: "payouts_disabled",
      reason: `The seller's payout account can't receive payments yet: ${detail}`,
      refused,
    };
  if (e.code === "balance_insufficient")
    return {
      code: "insufficient_platform_balance",
      reason: `The platform's Stripe balance can't cover this transfer yet: ${detail}`,
      refused,
    };
  return { code: "stripe_error", reason: `Stripe did not make the transfer: ${detail}`, refused };
}

const MINUTE = 60_000;
const FIRST_RETRY_MS = 5 * MINUTE;
const LAST_RETRY_MS = 6 * 60 * MINUTE;

/** When the sweep next retries a release that has failed `attempts` times: 5 min, doubling, at most 6 h apart. */
export function releaseRetryAt(attempts: number, now: Date): Date {
  const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  return new Date(now.getTime() + delay);
}

/** Causes the seller fixes (the release resumes when their account is ready); the others are retried on a schedule. */
export function waitsForSeller(code: ReleaseBlockCode): boolean {
  return code === "no_payout_account" || code === "payouts_disabled";
}

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
