// A minimal checkout built the way the marketplace's is: @stripe/stripe-js's loadStripe,
// @stripe/react-stripe-js's <Elements> and <PaymentElement>, and confirmPayment. Bundled by
// stripe-js.int.test.ts and run in Chromium against the emulator's Stripe.js stand-in.
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe } from "@stripe/stripe-js";
import { createElement as h, useState, type FormEvent } from "react";
import { createRoot } from "react-dom/client";

const params = new URLSearchParams(window.location.search);
const stripePromise = loadStripe(params.get("pk") ?? "");

function CheckoutForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState("");

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    const result = await stripe.confirmPayment({
      elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    setStatus(
      result.error ? `error:${result.error.code ?? result.error.type}` : `status:${result.paymentIntent.status}`,
    );
  }

  return h(
    "form",
    { onSubmit: pay },
    h(PaymentElement, { onReady: () => setReady(true) }),
    h("button", { type: "submit", disabled: !stripe || !ready }, "Pay"),
    h("p", { role: "status" }, status),
  );
}

createRoot(document.getElementById("root")!).render(
  h(Elements, { stripe: stripePromise, options: { clientSecret: params.get("clientSecret") ?? "" } }, h(CheckoutForm)),
);
