"use client";

import { ActionForm, NoteField } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { HoldDecisionState } from "./actions";

export function HoldDecisionForm({
  caseId,
  action,
}: {
  caseId: string;
  action: (prev: HoldDecisionState, form: FormData) => Promise<HoldDecisionState>;
}) {
  return (
    <ActionForm action={action}>
      {(pending) => (
        <>
          <NoteField id={`note-${caseId}`} label="Note (needed to refuse the payment)" />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="clear" disabled={pending}>
              Clear to ship
            </Button>
            <Button type="submit" name="decision" value="refund" variant="danger" disabled={pending}>
              Refuse and refund
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
