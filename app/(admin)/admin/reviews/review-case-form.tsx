"use client";

import { ActionForm, NoteField } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { ReviewDecisionState } from "./actions";

type Action = (prev: ReviewDecisionState, form: FormData) => Promise<ReviewDecisionState>;

export function ReviewCaseForm({ caseId, action }: { caseId: string; action: Action }) {
  return (
    <ActionForm action={action}>
      {(pending) => (
        <>
          <NoteField id={`note-${caseId}`} label="Note for the record (optional)" />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="hide" variant="danger" disabled={pending}>
              Hide review
            </Button>
            <Button type="submit" name="decision" value="keep" variant="secondary" disabled={pending}>
              Keep review
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function RestoreReviewForm({ caseId, action }: { caseId: string; action: Action }) {
  return (
    <ActionForm action={action}>
      {(pending) => (
        <>
          <NoteField id={`restore-note-${caseId}`} label="Why it goes back (optional)" />
          <Button type="submit" variant="secondary" disabled={pending}>
            Restore review
          </Button>
        </>
      )}
    </ActionForm>
  );
}
