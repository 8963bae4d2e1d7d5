"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";

import { getStripe } from "./load-stripe";

function Form({
  amountLabel,
  returnUrl,
  doneUrl,
  retryUrl,
}: {
  amountLabel: string;
  returnUrl: string;
  doneUrl: string;
  retryUrl: string;
}) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not only state: a second click that lands before React re-renders the disabled
  // button must not start a second confirmation.
  const inFlight = useRef(false);
  // A failed attempt put the items back on sale; the next one reserves them again first.
  const failedBefore = useRef(false);

  async function pay(e: FormEvent) {
    e.preventDefault();
    if (!stripe || !elements || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    if (failedBefore.current) {
      const reserved = await fetch(retryUrl, { method: "POST" }).catch(() => null);
      if (!reserved?.ok) {
        const body = (await reserved?.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "We could not reserve your items again. Reload the page and try once more.");
        inFlight.current = false;
        setBusy(false);
        return;
      }
    }
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: returnUrl },
      redirect: "if_required",
    });
    if (result.error) {
      // Declines come back here; the buyer can try another card until the reservation expires.
      failedBefore.current = true;
      setError(result.error.message ?? "Your payment was not completed. Try again or use another card.");
      inFlight.current = false;
      setBusy(false);
      return;
    }
    router.push(doneUrl);
  }

  return (
    <form onSubmit={pay} className="space-y-4">
      <PaymentElement />
      {error ? <Alert>{error}</Alert> : null}
      <button
        type="submit"
        disabled={!stripe || busy}
        className="w-full rounded-md bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {busy ? "Processing payment…" : `Pay ${amountLabel}`}
      </button>
    </form>
  );
}

/** The Payment Element for a checkout's PaymentIntent. */
export function PaymentForm(props: {
  clientSecret: string;
  publishableKey: string;
  stripeJsUrl: string;
  amountLabel: string;
  returnUrl: string;
  doneUrl: string;
  retryUrl: string;
}) {
  const stripePromise = useMemo(
    () => getStripe(props.publishableKey, props.stripeJsUrl),
    [props.publishableKey, props.stripeJsUrl],
  );
  return (
    <Elements stripe={stripePromise} options={{ clientSecret: props.clientSecret, appearance: { theme: "stripe" } }}>
      <Form
        amountLabel={props.amountLabel}
        returnUrl={props.returnUrl}
        doneUrl={props.doneUrl}
        retryUrl={props.retryUrl}
      />
    </Elements>
  );
}
