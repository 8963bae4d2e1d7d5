"use client";

import { useActionState, type ReactNode } from "react";

import { Alert } from "./alert";

export type ActionFormState = { error?: string; message?: string };

/**
 * A form posting to a server action that answers { error } or { message }: the error shows
 * above the fields, and once it succeeds the message replaces the form. Children get `pending`
 * to disable their buttons while the action runs.
 */
export function ActionForm<S extends ActionFormState>({
  action,
  label,
  children,
}: {
  action: (prev: S, form: FormData) => Promise<S>;
  label?: string;
  children: (pending: boolean) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-2" aria-label={label}>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {children(pending)}
    </form>
  );
}

/** A labelled note field for admin decisions. */
export function NoteField({
  id,
  label,
  name = "note",
  required,
}: {
  id: string;
  label: string;
  name?: string;
  required?: boolean;
}) {
  return (
    <>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={2}
        maxLength={1000}
        required={required}
        minLength={required ? 5 : undefined}
        className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
      />
    </>
  );
}
