// Builds real money-path scenarios for integration tests: an onboarded seller with a Stripe
// connected account (on the emulator), a buyer with an address, a paid checkout, and the
// Stripe events that followed, which tests feed to the webhook handler themselves.
import { randomUUID } from "node:crypto";

import type Stripe from "stripe";

import { db } from "@/lib/db/client";
import { memoryAdmissionGate } from "@/lib/orders/admission-gate";
import { placedCheckoutJson } from "@/lib/orders/checkout-json";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { createCheckout } from "@/lib/orders/create-checkout";
import { shipOrder } from "@/lib/orders/ship-order";
import { handleStripeEvent } from "@/lib/payments/handle-stripe-event";
import { startCheckoutPayment } from "@/lib/payments/start-checkout-payment";
import { stripe } from "@/lib/payments/stripe-client";
import { refreshSellerAccount } from "@/lib/sellers/refresh-seller-account";
import { startSellerOnboarding } from "@/lib/sellers/start-seller-onboarding";
import { StripeEmulatorControl } from "@/tools/stripe-emulator/control";

import { createCategory, createProduct, createSeller, createUser } from "./factories";
import { runDomainEvents } from "./run-domain-events";

export const control = () => new StripeEmulatorControl(process.env.STRIPE_API_BASE!);

export async function onboardedSeller() {
  const s = await createSeller(db());
  await db().sellerProfile.update({
    where: { id: s.seller.id },
    data: { chargesEnabled: false, payoutsEnabled: false },
  });
  await startSellerOnboarding({ sellerId: s.seller.id, email: s.user.email, appUrl: "http://localhost:3000" });
  const acct = (await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).stripeAccountId!;
  await control().completeOnboarding(acct);
  await refreshSellerAccount({ sellerId: s.seller.id });
  return { ...s, accountId: acct };
}

/** A seller who opened a shop and has not connected payouts (as everyone who signs up starts). */
export async function sellerWithoutPayouts() {
  const s = await createSeller(db());
  await db().sellerProfile.update({
    where: { id: s.seller.id },
    data: { chargesEnabled: false, payoutsEnabled: false },
  });
  return s;
}

/**
 * The seller finishes Stripe's onboarding (on the emulator) and Stripe's account.updated
 * events for it arrive at the webhook; returns the account and those events (a connected
 * account's own, so listed with its Stripe-Account header).
 */
export async function connectSellerPayouts(s: {
  seller: { id: string };
  user: { email: string };
}): Promise<{ accountId: string; events: Stripe.Event[] }> {
  await startSellerOnboarding({ sellerId: s.seller.id, email: s.user.email, appUrl: "http://localhost:3000" });
  const accountId = (await db().sellerProfile.findUniqueOrThrow({ where: { id: s.seller.id } })).stripeAccountId!;
  await control().completeOnboarding(accountId);
  const events = (
    await stripe().events.list({ type: "account.updated", limit: 100 }, { stripeAccount: accountId })
  ).data.reverse();
  await deliver(events);
  return { accountId, events };
}

export async function buyerWithAddress() {
  const u = await createUser(db());
  const a = await db().address.create({
    data: {
      userId: u.id,
      fullName: "Pat Buyer",
      line1: "1 Main St",
      city: "Springfield",
      postalCode: "12345",
      country: "US",
    },
  });
  return { id: u.id, addressId: a.id };
}

/** A checkout with one order per seller (each line: a fresh product of that seller), not yet paid. */
export async function placeCheckout(opts: {
  buyer: { id: string; addressId: string };
  lines: { sellerId: string; priceCents: number; quantity?: number }[];
}) {
  const categoryId = (await createCategory(db())).id;
  const lines = [];
  for (const l of opts.lines) {
    const p = await createProduct(db(), {
      sellerId: l.sellerId,
      categoryId,
      priceCents: l.priceCents,
      inventoryCount: 20,
    });
    lines.push({ productId: p.id, quantity: l.quantity ?? 1, unitPriceCentsAdded: l.priceCents, addedAt: Date.now() });
  }
  const r = await createCheckout({
    buyerId: opts.buyer.id,
    cartKey: `u:${opts.buyer.id}`,
    lines,
    gate: memoryAdmissionGate(),
    idempotencyKey: randomUUID(),
    input: { cart_id: `u:${opts.buyer.id}`, shipping_address_id: opts.buyer.addressId },
  });
  return placedCheckoutJson(r.checkout);
}

/** Pays a checkout server-side with a test card token and returns the PaymentIntent. */
export async function payCheckout(
  checkoutId: string,
  buyerId: string,
  paymentMethod = "pm_card_visa",
): Promise<Stripe.PaymentIntent> {
  const { paymentIntentId } = await startCheckoutPayment({ checkoutId, buyerId });
  try {
    return await stripe().paymentIntents.confirm(paymentIntentId, { payment_method: paymentMethod });
  } catch (err) {
    if ((err as { type?: string }).type === "StripeCardError") return stripe().paymentIntents.retrieve(paymentIntentId);
    throw err;
  }
}

/** The emulator's events about the given objects (PaymentIntent, charge, account ...), oldest first. */
export async function eventsAbout(ids: string[]): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const e of stripe().events.list({ limit: 100 })) {
    const o = e.data.object as { id?: string; payment_intent?: string; charge?: string };
    if (ids.some((id) => o.id === id || o.payment_intent === id || o.charge === id)) events.push(e);
    if (events.length > 200) break;
  }
  return events.sort((a, b) => a.created - b.created);
}

/** Feeds events to the webhook handler in order, then runs the domain events they caused, as the worker would. */
export async function deliver(events: Stripe.Event[]): Promise<void> {
  for (const e of events) await handleStripeEvent(e);
  await runDomainEvents();
}

/**
 * One order of a fresh seller to a fresh buyer, paid (its Stripe events delivered), shipped with a
 * tracking number and, unless asked otherwise, confirmed delivered by the buyer (escrow not yet released).
 */
export async function shippedOrder(opts: { priceCents?: number; confirm?: boolean } = {}) {
  const s = await onboardedSeller();
  const buyer = await buyerWithAddress();
  const checkout = await placeCheckout({
    buyer,
    lines: [{ sellerId: s.seller.id, priceCents: opts.priceCents ?? 4_000 }],
  });
  const orderId = checkout.orders[0].order_id;
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA10123456784" },
  });
  if (opts.confirm ?? true) await confirmDelivery({ buyerId: buyer.id, orderId });
  return { s, buyer, orderId, pi, checkoutId: checkout.checkout_id };
}
