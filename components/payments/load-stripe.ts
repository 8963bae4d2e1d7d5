"use client";

import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";

let cached: Promise<Stripe | null> | null = null;

function addScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`)) return resolve();
    const s = Object.assign(document.createElement("script"), {
      src,
      onload: () => resolve(),
      onerror: () => reject(new Error("Could not load the payment form.")),
    });
    document.head.appendChild(s);
  });
}

/**
 * Stripe.js for this page. With the local emulator its stand-in script is loaded first;
 * loadStripe then uses the window.Stripe it defines. With real Stripe, loadStripe fetches js.stripe.com.
 */
export function getStripe(publishableKey: string, scriptUrl: string): Promise<Stripe | null> {
  cached ??= (scriptUrl.includes("js.stripe.com") ? Promise.resolve() : addScript(scriptUrl)).then(() =>
    loadStripe(publishableKey),
  );
  return cached;
}
