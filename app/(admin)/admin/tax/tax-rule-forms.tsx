"use client";

import { startTransition, useActionState, type FormEvent } from "react";

import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import type { TaxRuleFormState } from "./actions";

type Action = (prev: TaxRuleFormState, form: FormData) => Promise<TaxRuleFormState>;

const SELECT = "rounded-md border border-gray-300 bg-white px-3 py-2 text-sm";

/**
 * Adds a rule; a running rule for the same country, region and category ends when it starts.
 * Submitted through onSubmit rather than the form's action prop: React resets a form after its
 * action runs, which would clear every field when one of them is refused.
 */
export function AddTaxRuleForm({
  action,
  categories,
  today,
}: {
  action: Action;
  categories: { slug: string; name: string }[];
  today: string;
}) {
  const [state, formAction, pending] = useActionState<TaxRuleFormState, FormData>(action, {});
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => formAction(form));
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add a tax rule">
      {state.error ? (
        <Alert>{state.error}</Alert>
      ) : state.message ? (
        <Alert tone="success">{state.message}</Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Country" name="country" required maxLength={2} placeholder="DE" hint="ISO code, like DE" />
        <Field label="Region (optional)" name="region" maxLength={3} placeholder="NY" hint="A state or region code" />
        <div className="flex flex-col gap-1">
          <label htmlFor="tax-category" className="text-sm font-medium text-ink">
            Category
          </label>
          <select id="tax-category" name="category" defaultValue="" className={SELECT}>
            <option value="">Every other category</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Rate (%)"
          name="ratePercent"
          required
          inputMode="decimal"
          maxLength={6}
          placeholder="19"
          hint="At most two decimals"
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="tax-inclusive" className="text-sm font-medium text-ink">
            In the price?
          </label>
          <select id="tax-inclusive" name="inclusive" defaultValue="included" className={SELECT}>
            <option value="included">Included in prices (VAT, GST)</option>
            <option value="added">Added at checkout (sales tax)</option>
          </select>
        </div>
        <Field label="Name buyers see" name="label" required maxLength={20} placeholder="VAT" />
        <Field label="Applies from" name="validFrom" type="date" required defaultValue={today} min={today} />
        <div className="flex items-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add rule"}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** Ends one rule from a day on (it applies until the day before). */
export function EndTaxRuleForm({ action, id, today }: { action: Action; id: string; today: string }) {
  return (
    <ActionForm action={action} label="End this rule">
      {(pending) => (
        <div className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`end-${id}`} className="text-xs font-medium">
              Ends on
            </label>
            <input
              id={`end-${id}`}
              name="validTo"
              type="date"
              required
              min={today}
              defaultValue={today}
              className="rounded-md border border-gray-300 px-2 py-1 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Ending…" : "End"}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
