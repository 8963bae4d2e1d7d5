"use client";

import { ActionForm, NoteField, type ActionFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { StoredAddress } from "@/lib/returns/return-address";

import { ReturnAddressFields } from "./return-address-fields";

type Action = (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;

/** A single button that posts to a server action (withdraw a return, confirm receipt). */
export function ReturnButton({
  action,
  label,
  pendingLabel,
  variant = "secondary",
}: {
  action: Action;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  return (
    <ActionForm action={action}>
      {(pending) => (
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? pendingLabel : label}
        </Button>
      )}
    </ActionForm>
  );
}

/** A note and a button: the buyer's escalation, the seller's decline. */
export function ReturnNoteForm({
  id,
  action,
  label,
  button,
  variant = "secondary",
  summary,
}: {
  id: string;
  action: Action;
  label: string;
  button: string;
  variant?: "primary" | "secondary" | "danger";
  summary: string;
}) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{summary}</summary>
      <div className="mt-2">
        <ActionForm action={action} label={summary}>
          {(pending) => (
            <>
              <NoteField id={id} label={label} required />
              <Button type="submit" variant={variant} disabled={pending}>
                {button}
              </Button>
            </>
          )}
        </ActionForm>
      </div>
    </details>
  );
}

/** The seller accepts: where the parcel comes back to, then the label is issued. */
export function AcceptReturnForm({
  id,
  action,
  address,
}: {
  id: string;
  action: Action;
  address: StoredAddress | null;
}) {
  return (
    <ActionForm action={action} label="Accept the return">
      {(pending) => (
        <>
          <details open={!address}>
            <summary className="cursor-pointer text-sm">
              {address
                ? `Parcel comes back to ${address.fullName}, ${address.line1}, ${address.city} (change)`
                : "Where should the parcel come back to?"}
            </summary>
            <div className="mt-2">
              <ReturnAddressFields id={id} initial={address} />
            </div>
          </details>
          <Button type="submit" disabled={pending}>
            {pending ? "Issuing the label…" : "Accept and send the buyer a label"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** The admin's mediation: accept over the seller's decline or uphold it, with a note. */
export function ReturnDecisionForm({
  id,
  action,
  address,
}: {
  id: string;
  action: Action;
  address: StoredAddress | null;
}) {
  return (
    <ActionForm action={action} label="Decide the return">
      {(pending) => (
        <>
          <NoteField id={`${id}-note`} label="Decision note" required />
          <details open={!address}>
            <summary className="cursor-pointer text-sm">
              {address
                ? `If accepted, the parcel goes to ${address.fullName}, ${address.line1}, ${address.city} (change)`
                : "The seller has no saved address: where should an accepted parcel go?"}
            </summary>
            <div className="mt-2">
              <ReturnAddressFields id={id} initial={address} />
            </div>
          </details>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="accept" disabled={pending}>
              Accept the return
            </Button>
            <Button type="submit" name="decision" value="uphold" variant="secondary" disabled={pending} formNoValidate>
              Uphold the decline
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
