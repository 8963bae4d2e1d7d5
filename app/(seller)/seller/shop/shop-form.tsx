"use client";

import { startTransition, useActionState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import type { ShopFormState } from "./actions";

/**
 * The shop page's name and description. Submitted through onSubmit rather than the action prop,
 * which would reset the fields, so a refused edit keeps what was typed.
 */
export function ShopForm({
  action,
  shopName,
  description,
}: {
  action: (prev: ShopFormState, form: FormData) => Promise<ShopFormState>;
  shopName: string;
  description: string;
}) {
  const [state, formAction, pending] = useActionState<ShopFormState, FormData>(action, {});
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => formAction(form));
  };
  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" aria-label="Shop page">
      {state.error ? (
        <Alert>
          {state.fields && Object.keys(state.fields).length > 0 ? "Check the fields marked below." : state.error}
        </Alert>
      ) : state.message ? (
        <Alert tone="success">{state.message}</Alert>
      ) : null}
      <Field
        label="Shop name"
        name="shopName"
        required
        minLength={2}
        maxLength={80}
        defaultValue={shopName}
        error={state.fields?.shopName}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="shop-description" className="text-sm font-medium text-ink">
          About the shop
        </label>
        <textarea
          id="shop-description"
          name="description"
          rows={6}
          maxLength={2000}
          defaultValue={description}
          aria-invalid={state.fields?.description ? true : undefined}
          aria-describedby="shop-description-hint"
          className="rounded-md border border-gray-300 px-3 py-2 text-sm"
        />
        <p id="shop-description-hint" className="text-xs text-muted">
          {state.fields?.description ?? "What you make, where, and how you work. Up to 2,000 characters."}
        </p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
