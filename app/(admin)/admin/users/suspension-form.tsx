"use client";

import { ActionForm, NoteField } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { SuspensionState } from "./actions";

/** Suspend (with a reason the person is told) or reinstate one account. */
export function SuspensionForm({
  userId,
  email,
  suspended,
  action,
}: {
  userId: string;
  email: string;
  suspended: boolean;
  action: (prev: SuspensionState, form: FormData) => Promise<SuspensionState>;
}) {
  return (
    <ActionForm action={action} label={`${suspended ? "Reinstate" : "Suspend"} ${email}`}>
      {(pending) => (
        <>
          {suspended ? null : (
            <NoteField id={`reason-${userId}`} name="reason" label="Reason they will be told" required />
          )}
          <Button type="submit" variant={suspended ? "secondary" : "danger"} disabled={pending}>
            {pending ? "Saving…" : suspended ? "Reinstate" : "Suspend"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
