// The 3D Secure challenge a `requires_action` PaymentIntent points to. Stripe.js (and the
// stand-in in public/stripe.js) opens it in a frame with `?embedded=1` and waits for its
// message; a server-side `return_url` flow gets a redirect back, with Stripe's query parameters.
import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { completeAuthentication } from "../resources/payment-intents";
import { Html, html, money, page } from "./html";
import type { PageResult } from "./onboarding";

/** The message public/stripe.js waits for. */
const THREE_D_SECURE_MESSAGE = "stripe-emulator:three-d-secure-complete";

function notFound(): PageResult {
  return {
    status: 404,
    html: page("Not found", html`<div class="card"><h1>No such payment to authenticate.</h1></div>`),
  };
}

export function challengePage(emu: Emulator, paymentIntentId: string, embedded: boolean): PageResult {
  const pi = emu.state.paymentIntents[paymentIntentId];
  if (!pi) return notFound();
  const pending = pi.status === "requires_action";
  return {
    status: 200,
    html: page(
      "Authenticate your payment",
      html`<div class="card">
        <h1>3D Secure test payment page</h1>
        <p class="muted">Test mode — the Stripe emulator's stand-in for the card issuer's challenge.</p>
        <p>Amount: <strong>${money(pi.amount, pi.currency)}</strong></p>
        ${
          pending
            ? html`<form method="post">
                <input type="hidden" name="embedded" value="${embedded ? "1" : ""}" />
                <button type="submit" name="outcome" value="complete">Complete authentication</button>
                <button type="submit" name="outcome" value="fail" class="secondary">Fail authentication</button>
              </form>`
            : html`<p>This payment does not need authentication (status: ${pi.status}).</p>`
        }
      </div>`,
    ),
  };
}

function returnUrl(pi: Stripe.PaymentIntent, target: string): string {
  const url = new URL(target);
  url.searchParams.set("payment_intent", pi.id);
  url.searchParams.set("payment_intent_client_secret", pi.client_secret ?? "");
  url.searchParams.set("redirect_status", pi.status === "requires_payment_method" ? "failed" : "succeeded");
  return url.toString();
}

export function submitChallenge(emu: Emulator, paymentIntentId: string, form: URLSearchParams): PageResult {
  const pi = emu.state.paymentIntents[paymentIntentId];
  if (!pi) return notFound();
  const target = pi.next_action?.redirect_to_url?.return_url ?? null;
  completeAuthentication(emu, pi, form.get("outcome") === "complete");
  emu.store.changed();
  if (form.get("embedded") === "1") {
    // JSON inside a script element: `<` escaped so no value can close the element.
    const message = new Html(
      JSON.stringify({ type: THREE_D_SECURE_MESSAGE, paymentIntent: pi.id }).replace(/</g, "\\u003c"),
    );
    return {
      status: 200,
      html: page(
        "Authentication finished",
        html`<div class="card"><p>Authentication finished.</p></div>
          <script>
            (window.opener || window.parent).postMessage(${message}, "*");
          </script>`,
      ),
    };
  }
  if (target) return { redirect: returnUrl(pi, target) };
  return {
    status: 200,
    html: page(
      "Authentication finished",
      html`<div class="card"><p>Authentication finished. You can close this window.</p></div>`,
    ),
  };
}
