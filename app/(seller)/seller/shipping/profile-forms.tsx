"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import type { ProfileFormState } from "./actions";

type Action = (prev: ProfileFormState, form: FormData) => Promise<ProfileFormState>;

function Outcome({ state }: { state: ProfileFormState }) {
  if (state.error) return <Alert>{state.error}</Alert>;
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

/** A new profile: its name and the currency its rates are in (the shop's own currencies). */
export function NewProfileForm({ action, currencies }: { action: Action; currencies: string[] }) {
  const [state, formAction, pending] = useActionState<ProfileFormState, FormData>(action, {});
  return (
    <form
      action={formAction}
      aria-label="New shipping profile"
      className="space-y-3 rounded-xl border border-gray-200 bg-white p-4"
    >
      <h2 className="font-semibold">New profile</h2>
      <Outcome state={state} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="new-profile-name" className="text-xs font-medium">
            Name
          </label>
          <input
            id="new-profile-name"
            name="name"
            maxLength={80}
            className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            aria-invalid={!!state.fields?.name}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="new-profile-currency" className="text-xs font-medium">
            Currency
          </label>
          <select
            id="new-profile-currency"
            name="currency"
            className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            aria-invalid={!!state.fields?.currency}
          >
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create profile"}
        </Button>
      </div>
    </form>
  );
}

/** Rename, make default and delete for one profile, each answering on its own. */
export function ProfileControls(props: {
  profileId: string;
  name: string;
  isDefault: boolean;
  rename: Action;
  makeDefault: Action;
  remove: Action;
}) {
  const [renamed, renameAction, renaming] = useActionState<ProfileFormState, FormData>(props.rename, {});
  const [defaulted, defaultAction, defaulting] = useActionState<ProfileFormState, FormData>(props.makeDefault, {});
  const [removed, removeAction, removing] = useActionState<ProfileFormState, FormData>(props.remove, {});
  const nameId = `profile-name-${props.profileId}`;
  return (
    <div className="space-y-2">
      <Outcome state={renamed} />
      <Outcome state={defaulted} />
      <Outcome state={removed} />
      <div className="flex flex-wrap items-end gap-3">
        <form action={renameAction} aria-label={`Rename ${props.name}`} className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={nameId} className="text-xs font-medium">
              Profile name
            </label>
            <input
              id={nameId}
              name="name"
              defaultValue={props.name}
              maxLength={80}
              className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={renaming}>
            Rename
          </Button>
        </form>
        {props.isDefault ? null : (
          <form action={defaultAction}>
            <Button type="submit" variant="secondary" disabled={defaulting}>
              Make default
            </Button>
          </form>
        )}
        {props.isDefault ? null : (
          <form action={removeAction}>
            <Button type="submit" variant="secondary" disabled={removing}>
              Delete profile
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}

/** Deletes a zone: its countries are no longer served by the profile. */
export function DeleteZoneForm({ action, label }: { action: Action; label: string }) {
  const [state, formAction, pending] = useActionState<ProfileFormState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <Outcome state={state} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Delete zone ${label}`}>
        Delete zone
      </Button>
    </form>
  );
}
