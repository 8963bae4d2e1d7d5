"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import type { DecisionState } from "../actions";

export function SuspensionForm({
  suspended,
  suspend,
  reinstate,
}: {
  suspended: boolean;
  suspend: (prev: DecisionState, form: FormData) => Promise<DecisionState>;
  reinstate: () => Promise<DecisionState>;
}) {
  const [state, formAction, pending] = useActionState<DecisionState, FormData>(
    suspended ? () => reinstate() : suspend,
    {},
  );
  return (
    <form action={formAction} className="space-y-2 rounded-lg border border-gray-200 bg-white p-4">
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {suspended ? null : (
        <>
          <label htmlFor="reason" className="text-sm font-medium">
            Reason the seller will see
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={2}
            maxLength={1000}
            className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
          />
        </>
      )}
      <Button type="submit" variant={suspended ? "primary" : "danger"} disabled={pending}>
        {suspended ? "Reinstate listing" : "Suspend listing"}
      </Button>
    </form>
  );
}
