"use client";

import { ActionForm, NoteField, type ActionFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

type Action = (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;

/** Block (or unblock) and report, under a thread. */
export function ThreadControls({
  blockAction,
  blocked,
  canUnblock,
  reportAction,
  reported,
}: {
  blockAction: Action;
  blocked: boolean;
  canUnblock: boolean;
  reportAction: Action;
  reported: boolean;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {!blocked || canUnblock ? (
        <ActionForm action={blockAction} label={blocked ? "Unblock conversation" : "Block conversation"}>
          {(pending) => (
            <Button type="submit" variant="secondary" disabled={pending}>
              {blocked ? "Unblock" : "Block this conversation"}
            </Button>
          )}
        </ActionForm>
      ) : null}
      {reported ? (
        <p className="text-sm text-muted">This conversation was reported to the moderators.</p>
      ) : (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Report this conversation</summary>
          <div className="mt-2">
            <ActionForm action={reportAction} label="Report conversation">
              {(pending) => (
                <>
                  <NoteField id="report-reason" name="reason" label="What's wrong?" required />
                  <Button type="submit" variant="danger" disabled={pending}>
                    Report
                  </Button>
                </>
              )}
            </ActionForm>
          </div>
        </details>
      )}
    </div>
  );
}
