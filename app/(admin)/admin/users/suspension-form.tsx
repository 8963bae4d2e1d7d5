"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SuspensionState } from "./actions";

/** Suspend (with a reason the person is told) or reinstate one account. */
export function SuspensionForm({ userId, email, suspended, action }: { userId: string; email: string; suspended: boolean; action: (prev: SuspensionState, form: FormData) => Promise<SuspensionState> }) {
  const [state, formAction, pending] = useActionState<SuspensionState, FormData>(action, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2" aria-label={`${suspended ? "Reinstate" : "Suspend"} ${email}`}>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {suspended ? null : (
        <>
          <label htmlFor={`reason-${userId}`} className="text-sm font-medium">Reason they will be told</label>
          <textarea id={`reason-${userId}`} name="reason" rows={2} maxLength={1000} required minLength={5} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
        </>
      )}
      <Button type="submit" variant={suspended ? "secondary" : "danger"} disabled={pending}>
        {pending ? "Saving…" : suspended ? "Reinstate" : "Suspend"}
      </Button>
    </form>
  );
}
