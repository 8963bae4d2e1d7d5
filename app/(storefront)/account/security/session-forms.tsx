"use client";

import { ActionForm, type ActionFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export function RevokeSessionForm({ sessionId }: { sessionId: string }) {
  return (
    <ActionForm<ActionFormState> action={revokeSessionAction}>
      {(pending) => (
        <>
          <input type="hidden" name="sessionId" value={sessionId} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Signing out…" : "Sign out"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeOtherSessionsForm() {
  return (
    <ActionForm<ActionFormState> action={revokeOtherSessionsAction} label="Sign out everywhere else">
      {(pending) => (
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Signing out…" : "Sign out everywhere else"}
        </Button>
      )}
    </ActionForm>
  );
}
