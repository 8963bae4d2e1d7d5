"use client";

import { useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ConfirmDeliveryButton({ confirm }: { confirm: () => Promise<{ error?: string }> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        type="button"
        disabled={pending}
        onClick={() => start(async () => setError((await confirm()).error ?? null))}
      >
        {pending ? "Confirming…" : "I received this order"}
      </Button>
      <p className="text-xs text-muted">Confirming releases your payment to the seller.</p>
    </div>
  );
}
