"use client";

import { ActionForm, NoteField, type ActionFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

export function ClaimDecisionForm({
  id,
  action,
  remainingLabel,
  requestedLabel,
  currency,
}: {
  id: string;
  action: (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;
  remainingLabel: string;
  requestedLabel: string | null;
  currency: string;
}) {
  return (
    <ActionForm action={action} label="Decide this claim">
      {(pending) => (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`amount-${id}`} className="text-sm font-medium">
              Partial refund, in {currency}
            </label>
            <input
              id={`amount-${id}`}
              name="amount"
              inputMode="decimal"
              placeholder="e.g. 12.50"
              className="w-40 rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            />
          </div>
          <NoteField id={`note-${id}`} label="Decision note (required to reject; sent to the buyer)" />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="refund_full" variant="danger" disabled={pending}>
              Refund all that is left ({remainingLabel})
            </Button>
            {requestedLabel ? (
              <Button type="submit" name="decision" value="refund_requested" variant="danger" disabled={pending}>
                Refund what was asked ({requestedLabel})
              </Button>
            ) : null}
            <Button type="submit" name="decision" value="refund_partial" variant="secondary" disabled={pending}>
              Refund the amount above
            </Button>
            <Button type="submit" name="decision" value="reject" variant="secondary" disabled={pending}>
              Reject the claim
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
