"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { DeliveryActionState } from "./actions";

/** One button posting to a bound admin action (resend an email, lift a suppression). */
export function DeliveryActionForm({
  label,
  button,
  pendingText,
  action,
}: {
  label: string;
  button: string;
  pendingText: string;
  action: (prev: DeliveryActionState, form: FormData) => Promise<DeliveryActionState>;
}) {
  return (
    <ActionForm action={action} label={label}>
      {(pending) => (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? pendingText : button}
          <span className="sr-only">: {label}</span>
        </Button>
      )}
    </ActionForm>
  );
}
