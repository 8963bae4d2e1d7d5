"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function RunPayoutsButton({ action }: { action: () => Promise<{ message: string }> }) {
  const [state, formAction, pending] = useActionState<{ message?: string }, FormData>(() => action(), {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Paying out…" : "Run daily payouts now"}
      </Button>
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
    </form>
  );
}
