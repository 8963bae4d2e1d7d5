"use client";

import { useId } from "react";

import { ActionForm, type ActionFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ImageUploader } from "@/components/uploads/image-uploader";
import { formatMoney } from "@/lib/money/format-money";
import { MAX_RETURN_IMAGES, RETURN_NOTE_MAX, RETURN_REASONS } from "@/lib/returns/return-rules";

type Item = { id: string; title: string; returnable: number; unitPriceCents: number; currency: string };

/**
 * The buyer's return request: how many of each item, why, a note and photos (the review photo
 * pipeline). Each item's quantity is a field named qty:<order item id>.
 */
export function ReturnRequestForm({
  items,
  closesOn,
  action,
}: {
  items: Item[];
  closesOn: string;
  action: (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;
}) {
  const id = useId();
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium">Return items</summary>
      <p className="mt-2 text-sm text-muted">
        You can ask to return items until {closesOn}. If the seller accepts, you get a prepaid return label; you are
        refunded for the items once they arrive back. Shipping is refunded too when the item was damaged, wrong or not
        as described.
      </p>
      <div className="mt-3">
        <ActionForm action={action} label="Return items">
          {(pending) => (
            <>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">What are you returning?</legend>
                {items.map((i) => (
                  <div key={i.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <label htmlFor={`${id}-${i.id}`}>
                      {i.title} <span className="text-muted">({formatMoney(i.unitPriceCents, i.currency)} each)</span>
                    </label>
                    <select
                      id={`${id}-${i.id}`}
                      name={`qty:${i.id}`}
                      defaultValue="0"
                      className="rounded-md border border-gray-300 px-2 py-1 text-sm"
                      aria-label={`Quantity of ${i.title} to return`}
                    >
                      {Array.from({ length: i.returnable + 1 }, (_, n) => (
                        <option key={n} value={n}>
                          {n === 0 ? "Keep" : `Return ${n}`}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-reason`} className="text-sm font-medium">
                  Why are you returning them?
                </label>
                <select
                  id={`${id}-reason`}
                  name="reason"
                  required
                  defaultValue=""
                  className="rounded-md border border-gray-300 px-3 py-2 text-sm"
                >
                  <option value="" disabled>
                    Choose a reason
                  </option>
                  {RETURN_REASONS.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-note`} className="text-sm font-medium">
                  Anything the seller should know? <span className="font-normal text-muted">(optional)</span>
                </label>
                <textarea
                  id={`${id}-note`}
                  name="note"
                  rows={3}
                  maxLength={RETURN_NOTE_MAX}
                  className="rounded-md border border-gray-300 px-3 py-2 text-sm"
                />
              </div>
              <div className="space-y-1">
                <p className="text-sm font-medium">
                  Photos <span className="font-normal text-muted">(optional, up to {MAX_RETURN_IMAGES})</span>
                </p>
                <ImageUploader purpose="return_image" max={MAX_RETURN_IMAGES} name="images" />
              </div>
              <Button type="submit" disabled={pending}>
                {pending ? "Sending…" : "Request return"}
              </Button>
            </>
          )}
        </ActionForm>
      </div>
    </details>
  );
}
