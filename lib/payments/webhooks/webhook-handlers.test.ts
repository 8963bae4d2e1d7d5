import type Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { HANDLED_EVENTS, isHandledEvent } from "../webhook-events";
import { refundStatus } from "./on-charge-refunded";
import { paymentFailure } from "./on-payment-intent-payment-failed";
import { latestChargeId } from "./on-payment-intent-succeeded";
import { accountOptions, eventObjectId } from "./webhook-handler";
import { WEBHOOK_HANDLERS } from "./webhook-handlers";

const event = (over: Partial<Stripe.Event>) =>
  ({ id: "evt_1", type: "account.updated", data: { object: { id: "acct_1" } }, ...over }) as Stripe.Event;

describe("the webhook handler map", () => {
  it("has one handler for each handled event type and none for others", () => {
    expect(Object.keys(WEBHOOK_HANDLERS).sort()).toEqual([...HANDLED_EVENTS].sort());
    expect(isHandledEvent("payment_intent.succeeded")).toBe(true);
    expect(isHandledEvent("customer.created")).toBe(false);
  });

  it("re-reads an event's object on the connected account it happened on", () => {
    expect(accountOptions(event({}))).toBeUndefined();
    expect(accountOptions(event({ account: "acct_seller" }))).toEqual({ stripeAccount: "acct_seller" });
    expect(eventObjectId(event({}))).toBe("acct_1");
  });
});

describe("handler helpers", () => {
  it("finds a PaymentIntent's charge whether expanded or not", () => {
    expect(latestChargeId({ latest_charge: "ch_1" })).toBe("ch_1");
    expect(latestChargeId({ latest_charge: { id: "ch_2" } as Stripe.Charge })).toBe("ch_2");
    expect(latestChargeId({ latest_charge: null })).toBeNull();
  });

  it("prefers the decline code to the error code for why a payment failed", () => {
    expect(
      paymentFailure({
        last_payment_error: {
          decline_code: "insufficient_funds",
          code: "card_declined",
          message: "Your card has insufficient funds.",
        } as Stripe.PaymentIntent.LastPaymentError,
      }),
    ).toEqual({ failureCode: "insufficient_funds", failureMessage: "Your card has insufficient funds." });
    expect(
      paymentFailure({ last_payment_error: { code: "expired_card" } as Stripe.PaymentIntent.LastPaymentError }),
    ).toEqual({ failureCode: "expired_card", failureMessage: null });
    expect(paymentFailure({ last_payment_error: null })).toEqual({ failureCode: null, failureMessage: null });
  });

  it("maps Stripe refund statuses to settled or pending", () => {
    expect(refundStatus("succeeded")).toBe("succeeded");
    expect(refundStatus("failed")).toBe("failed");
    expect(refundStatus("canceled")).toBe("pending");
    expect(refundStatus("requires_action")).toBe("pending");
  });
});
