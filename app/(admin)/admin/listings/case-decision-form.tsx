"use client";

import { ActionForm, NoteField } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { DecisionState } from "./actions";

export function CaseDecisionForm({
  caseId,
  action,
}: {
  caseId: string;
  action: (prev: DecisionState, form: FormData) => Promise<DecisionState>;
}) {
  return (
    <ActionForm action={action}>
      {(pending) => (
        <>
          <NoteField
            id={`reason-${caseId}`}
            name="reason"
            label="Reason the seller will see (needed to reject or suspend)"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="approve" disabled={pending}>
              Approve
            </Button>
            <Button type="submit" name="decision" value="reject" variant="secondary" disabled={pending}>
              Reject
            </Button>
            <Button type="submit" name="decision" value="suspend" variant="danger" disabled={pending}>
              Suspend
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
