"use client";

import { useActionState, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type CancelOrderState = { error?: string; message?: string };

/**
 * Cancel an order before it ships, in two steps so a stray click changes nothing: the first
 * button asks, the second (naming the refund) does it. Sellers also say why.
 */
export function CancelOrderForm({
  orderId,
  action,
  refundLabel,
  reasons,
}: {
  orderId: string;
  action: (prev: CancelOrderState, form: FormData) => Promise<CancelOrderState>;
  refundLabel: string;
  reasons?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState<CancelOrderState, FormData>(action, {});
  const [asking, setAsking] = useState(false);
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  if (!asking) {
    return (
      <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
        Cancel order
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      className="space-y-2 rounded-md border border-red-200 bg-red-50/40 p-3"
      aria-label="Cancel this order"
    >
      {state.error ? <Alert>{state.error}</Alert> : null}
      <p className="text-sm font-medium">
        Cancel this order? {refundLabel} is refunded to the buyer&apos;s card at once and the items go back to stock.
      </p>
      {reasons ? (
        <div className="flex flex-wrap gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`cancel-reason-${orderId}`} className="text-xs font-medium">
              Why?
            </label>
            <select
              id={`cancel-reason-${orderId}`}
              name="reason"
              required
              defaultValue=""
              className="rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="" disabled>
                Choose a reason
              </option>
              {Object.entries(reasons).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-56 flex-1 flex-col gap-1">
            <label htmlFor={`cancel-note-${orderId}`} className="text-xs font-medium">
              Note to the buyer (required for “Other reason”)
            </label>
            <input
              id={`cancel-note-${orderId}`}
              name="note"
              maxLength={500}
              className="rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
            />
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Cancelling…" : `Yes, cancel and refund ${refundLabel}`}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => setAsking(false)}>
          Keep the order
        </Button>
      </div>
    </form>
  );
}
