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
