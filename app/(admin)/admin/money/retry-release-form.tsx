"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

import type { RetryReleaseState } from "./actions";

export function RetryReleaseForm({
  label,
  action,
}: {
  label: string;
  action: (prev: RetryReleaseState, form: FormData) => Promise<RetryReleaseState>;
}) {
  return (
    <ActionForm action={action} label={label}>
      {(pending) => (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Retrying…" : "Retry release now"}
        </Button>
      )}
    </ActionForm>
  );
}
