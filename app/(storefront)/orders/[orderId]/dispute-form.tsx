"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type State = { error?: string; done?: boolean };

export function DisputeForm({ action }: { action: (prev: State, form: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, {});
  if (state.done) return <Alert tone="success">Dispute opened. The seller is not paid until we decide.</Alert>;
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium">Something wrong? Open a dispute</summary>
      <form action={formAction} className="mt-3 space-y-2">
        {state.error ? <Alert>{state.error}</Alert> : null}
        <label htmlFor="dispute-reason" className="text-sm font-medium">
          What went wrong?
        </label>
        <textarea
          id="dispute-reason"
          name="reason"
          rows={3}
          required
          minLength={10}
          maxLength={1000}
          className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
        />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Opening…" : "Open dispute"}
        </Button>
      </form>
    </details>
  );
}
