"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { HoldDecisionState } from "./actions";

export function HoldDecisionForm({ caseId, action }: { caseId: string; action: (prev: HoldDecisionState, form: FormData) => Promise<HoldDecisionState> }) {
  const [state, formAction, pending] = useActionState<HoldDecisionState, FormData>(action, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <label htmlFor={`note-${caseId}`} className="text-sm font-medium">Note (needed to refuse the payment)</label>
      <textarea id={`note-${caseId}`} name="note" rows={2} maxLength={1000} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="clear" disabled={pending}>Clear to ship</Button>
        <Button type="submit" name="decision" value="refund" variant="danger" disabled={pending}>Refuse and refund</Button>
      </div>
    </form>
  );
}
