"use client";

import { ActionForm, NoteField } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { DisputeState } from "./actions";

export function DisputeForm({
  id,
  action,
}: {
  id: string;
  action: (prev: DisputeState, form: FormData) => Promise<DisputeState>;
}) {
  return (
    <ActionForm action={action}>
      {(pending) => (
        <>
          <NoteField id={`note-${id}`} label="Decision note" />
          <div className="flex gap-2">
            <Button type="submit" name="decision" value="refund" variant="danger" disabled={pending}>
              Refund the buyer
            </Button>
            <Button type="submit" name="decision" value="release" variant="secondary" disabled={pending}>
              Release to the seller
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
