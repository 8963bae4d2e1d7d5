import Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { releaseBlockedEmail } from "@/lib/notifications/release-blocked-email";

import { classifyReleaseFailure } from "./classify-release-failure";
import { releaseRetryAt } from "./release-retry-at";

const {
  StripeAPIError,
  StripeConnectionError,
  StripeIdempotencyError,
  StripeInvalidRequestError,
  StripeRateLimitError,
} = Stripe.errors;

describe("classifying a failed transfer", () => {
  it("an account Stripe won't pay, the platform's balance and other refusals are refused outright (a new key next time)", () => {
    expect(
      classifyReleaseFailure(
        new StripeInvalidRequestError({
          code: "insufficient_capabilities_for_transfer",
          message:
            "The destination account needs to have at least one of the following capabilities enabled: transfers",
          statusCode: 400,
        }),
      ),
    ).toMatchObject({ code: "payouts_disabled", refused: true });
    expect(
      classifyReleaseFailure(
        new StripeInvalidRequestError({
          code: "balance_insufficient",
          message: "Insufficient funds in your Stripe account.",
          statusCode: 400,
        }),
      ),
    ).toMatchObject({
      code: "insufficient_platform_balance",
      refused: true,
      reason: expect.stringContaining("Insufficient funds"),
    });
    expect(
      classifyReleaseFailure(
        new StripeInvalidRequestError({ code: "resource_missing", message: "No such destination", statusCode: 404 }),
      ),
    ).toMatchObject({ code: "stripe_error", refused: true });
  });

  it("a 5xx, a dropped connection, a rate limit or an idempotency mismatch may hide a made transfer: the key is kept", () => {
    expect(classifyReleaseFailure(new StripeAPIError({ message: "Internal error", statusCode: 500 }))).toMatchObject({
      code: "stripe_error",
      refused: false,
    });
    expect(classifyReleaseFailure(new StripeConnectionError({ message: "socket hang up" }))).toMatchObject({
      code: "stripe_error",
      refused: false,
    });
    expect(
      classifyReleaseFailure(new StripeRateLimitError({ message: "Too many requests", statusCode: 429 })),
    ).toMatchObject({ refused: false });
    expect(
      classifyReleaseFailure(
        new StripeIdempotencyError({
          message: "Keys for idempotent requests can only be used with the same parameters",
          statusCode: 400,
        }),
      ),
    ).toMatchObject({ refused: false });
    expect(classifyReleaseFailure(new Error("boom"))).toMatchObject({
      code: "stripe_error",
      refused: false,
      reason: "Stripe did not make the transfer: boom",
    });
  });

  it("retries back off from 5 minutes, doubling, to at most 6 hours apart", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const minutes = [1, 2, 3, 4, 7, 8, 50].map((n) => (releaseRetryAt(n, now).getTime() - now.getTime()) / 60_000);
    expect(minutes).toEqual([5, 10, 20, 40, 320, 360, 360]);
  });
});

describe("the parked-release email", () => {
  const order = {
    id: "7d0b0b9e-58a3-4a51-9a0e-0f4f5c1d2e3f",
    totalCents: 10_000,
    platformFeeCents: 1_500,
    currency: "USD",
  };
  it("says what is waiting, why and what the seller does about it", () => {
    const e = releaseBlockedEmail(
      order,
      "no_payout_account",
      "The seller has not connected a payout account yet.",
      "https://shop.test",
    );
    expect(e.subject).toBe("Connect payouts to receive $85.00 for order 7d0b0b9e");
    expect(e.body).toContain("$85.00 ($100.00 less the marketplace commission of $15.00) is ready for you");
    expect(e.body).toContain("Why: The seller has not connected a payout account yet.");
    expect(e.body).toContain("What to do: Connect payouts on your Payments page");
    expect(e.body).toContain("https://shop.test/seller/payments");
  });
  it("a platform-side cause asks nothing of the seller", () => {
    const e = releaseBlockedEmail(
      order,
      "insufficient_platform_balance",
      "The platform's Stripe balance can't cover this transfer yet.",
      "https://shop.test",
    );
    expect(e.subject).toBe("Your payment of $85.00 for order 7d0b0b9e is delayed");
    expect(e.body).toContain("What to do: Nothing for you to do: the marketplace retries automatically");
  });
});
