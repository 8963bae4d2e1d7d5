"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { RateFormState } from "./actions";

/** Sets one currency's rate per euro by hand. */
export function RateForm({
  currency,
  perEur,
  action,
}: {
  currency: string;
  perEur: string;
  action: (prev: RateFormState, form: FormData) => Promise<RateFormState>;
}) {
  return (
    <ActionForm action={action} label={`Set the ${currency} rate`}>
      {(pending) => (
        <div className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`rate-${currency}`} className="text-sm font-medium">
              {currency} per 1 EUR
            </label>
            <input
              id={`rate-${currency}`}
              name="perEur"
              defaultValue={perEur}
              inputMode="decimal"
              required
              maxLength={20}
              className="w-32 rounded-md border border-gray-300 px-3 py-2 text-sm"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Set rate"}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
