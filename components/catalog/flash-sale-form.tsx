"use client";

import { useActionState } from "react";

import type { ActionFormState } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Turns a product's flash sale on or off, with what that means for its buyers. */
export function FlashSaleForm({
  on,
  action,
}: {
  on: boolean;
  action: (prev: ActionFormState, form: FormData) => Promise<ActionFormState>;
}) {
  const [state, formAction, pending] = useActionState<ActionFormState, FormData>(action, {});
  return (
    <section aria-labelledby="flash-sale-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 id="flash-sale-heading" className="font-semibold">
        Flash sale: <span className={on ? "text-brand-700" : "text-muted"}>{on ? "on" : "off"}</span>
      </h2>
      <p className="text-sm text-muted">
        For an item you expect to sell out within minutes. Each checkout first takes its units from a fast counter kept
        equal to the stock, so buyers after the last unit hear &ldquo;sold out&rdquo; at once instead of queueing for
        the database. Units that come back (an order not paid in time or cancelled, a refund with restock, stock added)
        can be bought again straight away. Prices, stock and orders work as usual.
      </p>
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <form action={formAction}>
        <input type="hidden" name="on" value={on ? "false" : "true"} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : on ? "End flash sale" : "Mark as flash sale"}
        </Button>
      </form>
    </section>
  );
}
