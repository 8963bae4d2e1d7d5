"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import type { ShipState } from "./actions";

// Offered as suggestions (a datalist), not a closed list: a shop may use a local courier.
const CARRIERS = ["UPS", "USPS", "FedEx", "DHL", "Royal Mail", "Canada Post", "DPD"];

export function ShipForm({
  orderId,
  action,
}: {
  orderId: string;
  action: (prev: ShipState, form: FormData) => Promise<ShipState>;
}) {
  const [state, formAction, pending] = useActionState<ShipState, FormData>(action, {});
  if (state.shipped) return <Alert tone="success">Marked as shipped.</Alert>;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      {state.error ? (
        <div className="w-full">
          <Alert>{state.error}</Alert>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`carrier-${orderId}`} className="text-xs font-medium">
          Carrier
        </label>
        <input
          id={`carrier-${orderId}`}
          name="carrier"
          required
          maxLength={50}
          list={`carriers-${orderId}`}
          autoComplete="off"
          placeholder="UPS"
          className="w-32 rounded-md border border-gray-300 px-2 py-1.5 text-sm"
        />
        <datalist id={`carriers-${orderId}`}>
          {CARRIERS.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`tracking-${orderId}`} className="text-xs font-medium">
          Tracking number
        </label>
        <input
          id={`tracking-${orderId}`}
          name="trackingNumber"
          required
          maxLength={100}
          className="w-44 rounded-md border border-gray-300 px-2 py-1.5 text-sm"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Mark shipped"}
      </Button>
    </form>
  );
}
