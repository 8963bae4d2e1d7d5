"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function OnboardingButton({ action, label }: { action: () => Promise<{ error?: string }>; label: string }) {
  const [state, formAction, pending] = useActionState<{ error?: string }, FormData>(() => action(), {});
  return (
    <form action={formAction} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Opening Stripe…" : label}
      </Button>
    </form>
  );
}
