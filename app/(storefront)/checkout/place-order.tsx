"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import type { AddressRecord } from "@/lib/addresses/address-input";

import { ResendVerificationForm } from "../account/settings/settings-forms";

/**
 * Address choice and the "Place order" button. One Idempotency-Key per visit to this page,
 * so a double click or a retried request places the order once.
 */
export function PlaceOrder({
  cartId,
  addresses,
  selectedId,
  currency,
}: {
  cartId: string;
  /** The currency the buyer pays in (their display currency). */
  currency: string;
  addresses: AddressRecord[];
  /** The address the page quoted shipping to (?address=, else the default). */
  selectedId: string;
}) {
  const router = useRouter();
  const [key] = useState(() => crypto.randomUUID());
  const [chosen, setChosen] = useState<string | null>(null);
  const [quoting, startQuoting] = useTransition();
  // The radio follows the click at once; the summary follows when the server has re-quoted.
  const addressId = chosen && addresses.some((a) => a.id === chosen) && quoting ? chosen : selectedId;
  function choose(id: string) {
    setChosen(id);
    startQuoting(() => router.replace(`/checkout?address=${id}`, { scroll: false }));
  }
  const [state, setState] = useState<{ busy: boolean; error?: string; code?: string }>({ busy: false });

  const inFlight = useRef(false);

  async function place() {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ busy: true });
    const res = await fetch("/api/v1/orders", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ cart_id: cartId, shipping_address_id: addressId, currency }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as {
      checkout_id?: string;
      error?: { code: string; message: string };
    } | null;
    if (!res?.ok || !body?.checkout_id) {
      inFlight.current = false;
      setState({
        busy: false,
        error: body?.error?.message ?? "Could not place your order. Please try again.",
        code: body?.error?.code,
      });
      return;
    }
    router.push(`/checkout/${body.checkout_id}`);
  }

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-2 font-semibold">Ship to</legend>
        {addresses.length === 0 ? <p className="text-sm text-muted">Add an address below to continue.</p> : null}
        {addresses.map((a) => (
          <label
            key={a.id}
            className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm ${addressId === a.id ? "border-brand-600 bg-brand-50" : "border-gray-200 bg-white"}`}
          >
            <input
              type="radio"
              name="address"
              value={a.id}
              checked={addressId === a.id}
              onChange={() => choose(a.id)}
            />
            <span>
              <span className="font-medium">{a.fullName}</span>
              <br />
              {a.line1}
              {a.line2 ? `, ${a.line2}` : ""}, {a.postalCode} {a.city}, {a.country}
            </span>
          </label>
        ))}
      </fieldset>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.code === "email_unverified" ? <ResendVerificationForm /> : null}
      <button
        type="button"
        onClick={place}
        disabled={state.busy || quoting || !addressId}
        className="w-full rounded-md bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {state.busy ? "Placing your order…" : "Place order"}
      </button>
      <p className="text-xs text-muted">Items are reserved for 10 minutes while you pay.</p>
    </div>
  );
}
