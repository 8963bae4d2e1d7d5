"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ReviewDecisionState } from "./actions";

export function ReviewCaseForm({ caseId, action }: { caseId: string; action: (prev: ReviewDecisionState, form: FormData) => Promise<ReviewDecisionState> }) {
  const [state, formAction, pending] = useActionState<ReviewDecisionState, FormData>(action, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <label htmlFor={`note-${caseId}`} className="text-sm font-medium">Note for the record (optional)</label>
      <textarea id={`note-${caseId}`} name="note" rows={2} maxLength={1000} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="hide" variant="danger" disabled={pending}>Hide review</Button>
        <Button type="submit" name="decision" value="keep" variant="secondary" disabled={pending}>Keep review</Button>
      </div>
    </form>
  );
}

export function RestoreReviewForm({ caseId, action }: { caseId: string; action: (prev: ReviewDecisionState, form: FormData) => Promise<ReviewDecisionState> }) {
  const [state, formAction, pending] = useActionState<ReviewDecisionState, FormData>(action, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <label htmlFor={`restore-note-${caseId}`} className="text-sm font-medium">Why it goes back (optional)</label>
      <textarea id={`restore-note-${caseId}`} name="note" rows={2} maxLength={1000} className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm" />
      <Button type="submit" variant="secondary" disabled={pending}>Restore review</Button>
    </form>
  );
}
