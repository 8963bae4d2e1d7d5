"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import type { SynonymFormState } from "./actions";

type Action = (prev: SynonymFormState, form: FormData) => Promise<SynonymFormState>;

/** Adds a group, or (given a term) replaces that group's synonyms. */
export function SynonymForm({ action, term, synonyms }: { action: Action; term?: string; synonyms?: string[] }) {
  const [state, formAction, pending] = useActionState<SynonymFormState, FormData>(action, {});
  const id = term ? `syn-${term.replace(/\W+/g, "-")}` : "syn-new";
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      {term ? (
        <input type="hidden" name="term" value={term} />
      ) : (
        <div className="flex flex-col">
          <label htmlFor={`${id}-term`} className="text-sm font-medium">
            Term
          </label>
          <input
            id={`${id}-term`}
            name="term"
            required
            maxLength={100}
            className="rounded-md border border-gray-300 px-3 py-2 text-sm"
            placeholder="sofa"
          />
        </div>
      )}
      <div className="flex min-w-64 flex-1 flex-col">
        <label htmlFor={`${id}-synonyms`} className={term ? "sr-only" : "text-sm font-medium"}>
          {term ? `Synonyms of ${term}` : "Synonyms (comma-separated)"}
        </label>
        <input
          id={`${id}-synonyms`}
          name="synonyms"
          required
          maxLength={2000}
          defaultValue={synonyms?.join(", ")}
          className="rounded-md border border-gray-300 px-3 py-2 text-sm"
          placeholder="couch, settee"
        />
      </div>
      <Button type="submit" variant={term ? "secondary" : "primary"} disabled={pending}>
        {term ? "Save" : "Add group"}
      </Button>
      {state.error ? (
        <div className="w-full">
          <Alert>{state.error}</Alert>
        </div>
      ) : null}
      {state.message ? (
        <div className="w-full">
          <Alert tone="success">{state.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}

export function DeleteSynonymButton({
  action,
  term,
}: {
  action: (prev: SynonymFormState) => Promise<SynonymFormState>;
  term: string;
}) {
  const [state, formAction, pending] = useActionState<SynonymFormState>(action, {});
  return (
    <form action={formAction}>
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Delete the synonyms of ${term}`}>
        Delete
      </Button>
      {state.error ? <Alert>{state.error}</Alert> : null}
    </form>
  );
}
