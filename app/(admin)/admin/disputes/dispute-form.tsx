"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DisputeState } from "./actions";

export function DisputeForm({ id, action }: { id: string; action: (prev: DisputeState, form: FormData) => Promise<DisputeState> }) {
  const [state, formAction, pending] = useActionState<DisputeState, FormData>(action, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <label htmlFor={`note-${id}`} className="text-sm font-medium">Decision note</label>
      <textarea id={`note-${id}`} name="note" rows={2} maxLength={1000} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="refund" variant="danger" disabled={pending}>Refund the buyer</Button>
        <Button type="submit" name="decision" value="release" variant="secondary" disabled={pending}>Release to the seller</Button>
      </div>
    </form>
  );
}
