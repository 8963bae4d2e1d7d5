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

export type ZoneValues = { countries: string; restOfWorld: boolean } & Record<(typeof NUMBERS)[number][0], string>;

/** Adds a zone to a profile, or (with `initial`) edits one; each bad field gets its message. */
export function ZoneForm({
  formId,
  action,
  initial,
  label = "Add a zone",
}: {
  formId: string;
  action: (prev: ZoneFormState, form: FormData) => Promise<ZoneFormState>;
  initial?: ZoneValues;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState<ZoneFormState, FormData>(action, {});
  const id = (name: string) => `${name}-${formId}`;
  const err = (name: string) =>
    state.fields?.[name] ? (
      <p id={id(`${name}-error`)} className="text-xs text-red-700">
        {state.fields[name]}
      </p>
    ) : null;
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" aria-label={label}>
      {state.error ? (
        <div className="sm:col-span-2">
          {/* Field messages sit under their fields; the alert says where to look. */}
          <Alert>
            {state.fields && Object.keys(state.fields).length > 0 ? "Check the fields marked below." : state.error}
          </Alert>
        </div>
      ) : state.added || state.message ? (
        <div className="sm:col-span-2">
          <Alert tone="success">{state.message ?? "Zone added."}</Alert>
        </div>
      ) : null}
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={id("countries")} className="text-xs font-medium">
          Countries (two-letter codes, like DE, FR)
        </label>
        <input
          id={id("countries")}
          name="countries"
          defaultValue={initial?.countries ?? ""}
          className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
          aria-invalid={!!state.fields?.countries}
          aria-describedby={state.fields?.countries ? id("countries-error") : undefined}
        />
        {err("countries")}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="restOfWorld" defaultChecked={initial?.restOfWorld ?? false} /> Everywhere else
        </label>
      </div>
      {NUMBERS.map(([name, label, fallback]) => (
        <div key={name} className="flex flex-col gap-1">
          <label htmlFor={id(name)} className="text-xs font-medium">
            {label}
          </label>
          <input
            id={id(name)}
            name={name}
            inputMode="numeric"
            defaultValue={initial?.[name] ?? fallback}
            className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
            aria-invalid={!!state.fields?.[name]}
            aria-describedby={state.fields?.[name] ? id(`${name}-error`) : undefined}
          />
          {err(name)}
        </div>
      ))}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : initial ? "Save zone" : "Add zone"}
        </Button>
      </div>
    </form>
  );
}
