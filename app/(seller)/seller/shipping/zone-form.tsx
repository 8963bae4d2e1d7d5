"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import type { ZoneFormState } from "./actions";

const NUMBERS = [
  ["firstItemCents", "First item (cents)", ""],
  ["additionalItemCents", "Each additional (cents)", "0"],
  ["freeOverCents", "Free over (cents, optional)", ""],
  ["handlingDaysMin", "Handling days from", "1"],
  ["handlingDaysMax", "Handling days to", "2"],
  ["transitDaysMin", "Transit days from", "2"],
  ["transitDaysMax", "Transit days to", "5"],
] as const;

export function ZoneForm({
  profileId,
  action,
}: {
  profileId: string;
  action: (prev: ZoneFormState, form: FormData) => Promise<ZoneFormState>;
}) {
  const [state, formAction, pending] = useActionState<ZoneFormState, FormData>(action, {});
  const id = (name: string) => `${name}-${profileId}`;
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" aria-label="Add a zone">
      {state.error ? (
        <div className="sm:col-span-2">
          <Alert>{state.error}</Alert>
        </div>
      ) : state.added ? (
        <div className="sm:col-span-2">
          <Alert tone="success">Zone added.</Alert>
        </div>
      ) : null}
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={id("countries")} className="text-xs font-medium">
          Countries (two-letter codes, like DE, FR)
        </label>
        <input
          id={id("countries")}
          name="countries"
          className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
          aria-invalid={!!state.fields?.countries}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="restOfWorld" /> Everywhere else
        </label>
      </div>
      {NUMBERS.map(([name, label, initial]) => (
        <div key={name} className="flex flex-col gap-1">
          <label htmlFor={id(name)} className="text-xs font-medium">
            {label}
          </label>
          <input
            id={id(name)}
            name={name}
            inputMode="numeric"
            defaultValue={initial}
            className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            aria-invalid={!!state.fields?.[name]}
          />
          {state.fields?.[name] ? <p className="text-xs text-red-700">{state.fields[name]}</p> : null}
        </div>
      ))}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Add zone"}
        </Button>
      </div>
    </form>
  );
}
