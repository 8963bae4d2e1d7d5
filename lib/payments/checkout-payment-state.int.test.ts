// What the confirmation page tells a buyer after paying: Stripe's word while the webhook is on
// its way, the webhook's once it arrived, and a failure with its reason.
import { describe, expect, it } from "vitest";

import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { getCheckoutPaymentState } from "./get-checkout-payment-state";

describe("the state of a checkout's payment", () => {
  it("declined says why; paid with the webhook pending is 'confirming'; after the webhook it is paid", async () => {
    const s = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 2_500 }] });
    const id = checkout.checkout_id;
    expect(await getCheckoutPaymentState({ checkoutId: id, buyerId: buyer.id })).toEqual({ state: "unpaid" });

    const declined = await payCheckout(id, buyer.id, "pm_card_chargeDeclined");
    await deliver(await eventsAbout([declined.id]));
    expect(await getCheckoutPaymentState({ checkoutId: id, buyerId: buyer.id })).toEqual({
      state: "failed",
      message: expect.stringContaining("declined"),
    });

    // A second card works: Stripe has the money before the webhook says so, whatever the
    // first attempt left in the payment row.
    const pi = await payCheckout(id, buyer.id, "pm_card_visa");
    expect(await getCheckoutPaymentState({ checkoutId: id, buyerId: buyer.id })).toEqual({ state: "confirming" });
    await deliver(await eventsAbout([pi.id]));
    expect(await getCheckoutPaymentState({ checkoutId: id, buyerId: buyer.id })).toEqual({ state: "paid" });
  });

  it("is the buyer's own: anyone else is told it does not exist", async () => {
    const s = await onboardedSeller();
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({ buyer, lines: [{ sellerId: s.seller.id, priceCents: 1_000 }] });
    await expect(
      getCheckoutPaymentState({ checkoutId: checkout.checkout_id, buyerId: (await buyerWithAddress()).id }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
