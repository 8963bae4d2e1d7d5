"use client";

import { ActionForm, type ActionFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

/** Open a claim: what went wrong, in the buyer's words, and optionally how much they ask back. */
export function ClaimForm({
  action,
  kinds,
  until,
  currency,
}: {
  action: (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;
  kinds: Record<string, string>;
  until: string;
  currency: string;
}) {
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium">
        A problem with this order? Open a claim (until {until})
      </summary>
      <div className="mt-3">
        <ActionForm action={action} label="Open a claim">
          {(pending) => (
            <>
              <div className="flex flex-col gap-1">
                <label htmlFor="claim-kind" className="text-sm font-medium">
                  What went wrong?
                </label>
                <select
                  id="claim-kind"
                  name="kind"
                  required
                  defaultValue=""
                  className="w-64 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm"
                >
                  <option value="" disabled>
                    Choose
                  </option>
                  {Object.entries(kinds).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="claim-description" className="text-sm font-medium">
                  Describe the problem
                </label>
                <textarea
                  id="claim-description"
                  name="description"
                  rows={3}
                  required
                  minLength={10}
                  maxLength={2000}
                  className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
                />
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="claim-amount" className="text-sm font-medium">
                  Amount to refund, in {currency} (leave empty for a full refund)
                </label>
                <input
                  id="claim-amount"
                  name="amount"
                  inputMode="decimal"
                  pattern="[0-9]+([.,][0-9]{1,2})?"
                  placeholder="e.g. 12.50"
                  className="w-40 rounded-md border border-gray-300 px-2 py-1.5 text-sm"
                />
              </div>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? "Sending…" : "Open claim"}
              </Button>
            </>
          )}
        </ActionForm>
      </div>
    </details>
  );
}
