"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DecisionState } from "./actions";

export function CaseDecisionForm({ caseId, action }: { caseId: string; action: (prev: DecisionState, form: FormData) => Promise<DecisionState> }) {
  const [state, formAction, pending] = useActionState<DecisionState, FormData>(action, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <label htmlFor={`reason-${caseId}`} className="text-sm font-medium">Reason the seller will see (needed to reject or suspend)</label>
      <textarea id={`reason-${caseId}`} name="reason" rows={2} maxLength={1000} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approve" disabled={pending}>Approve</Button>
        <Button type="submit" name="decision" value="reject" variant="secondary" disabled={pending}>Reject</Button>
        <Button type="submit" name="decision" value="suspend" variant="danger" disabled={pending}>Suspend</Button>
      </div>
    </form>
  );
}
