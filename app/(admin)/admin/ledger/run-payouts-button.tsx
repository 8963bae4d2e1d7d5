"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type RunPayoutsState = { message?: string; error?: string };

export function RunPayoutsButton({ action }: { action: () => Promise<RunPayoutsState> }) {
  const [state, formAction, pending] = useActionState<RunPayoutsState, FormData>(() => action(), {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Paying out…" : "Run daily payouts now"}
      </Button>
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
    </form>
  );
}
