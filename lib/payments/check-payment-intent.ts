import type Stripe from "stripe";

export type PaymentMismatch = "payment_intent" | "amount" | "currency" | "checkout" | "object";

export type ExpectedPayment = {
  checkoutId: string;
  paymentIntentId: string | null;
  totalCents: number;
  currency: string;
};

/**
 * What is wrong with a succeeded PaymentIntent as payment for a checkout, if anything: it must be
 * the PaymentIntent stored on the checkout (not merely one whose metadata names it), and the
 * money received must be the checkout's total in its currency. Empty means it may be captured.
 */
export function paymentIntentMismatches(
  expected: ExpectedPayment,
  pi: Pick<Stripe.PaymentIntent, "id" | "amount_received" | "currency">,
): { mismatches: PaymentMismatch[]; detail: string } {
  const mismatches: PaymentMismatch[] = [];
  const details: string[] = [];
  if (expected.paymentIntentId !== pi.id) {
    mismatches.push("payment_intent");
    details.push(
      `checkout ${expected.checkoutId} is paid by ${expected.paymentIntentId ?? "no PaymentIntent yet"}, not ${pi.id}`,
    );
  }
  if (pi.amount_received !== expected.totalCents) {
    mismatches.push("amount");
    details.push(`received ${pi.amount_received}, the checkout's total is ${expected.totalCents} (minor units)`);
  }
  if (pi.currency.toUpperCase() !== expected.currency.toUpperCase()) {
    mismatches.push("currency");
    details.push(`currency ${pi.currency.toUpperCase()}, the checkout's is ${expected.currency.toUpperCase()}`);
  }
  return { mismatches, detail: details.join("; ") };
}
