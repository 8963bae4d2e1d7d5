"use client";

import { useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Action = "submit" | "withdraw" | "archive";

export function ListingActions({
  allowed,
  run,
}: {
  allowed: Action[];
  run: (action: Action) => Promise<{ error?: string; message?: string }>;
}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ error?: string; message?: string }>({});
  const go = (action: Action) => {
    if (action === "archive" && !window.confirm("Delete this listing? Buyers will no longer see it.")) return;
    start(async () => setResult((await run(action)) ?? {}));
  };
  return (
    <div className="space-y-2">
      {result.error ? <Alert>{result.error}</Alert> : null}
      {result.message ? <Alert tone="success">{result.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {allowed.includes("submit") ? (
          <Button type="button" onClick={() => go("submit")} disabled={pending}>
            Submit for review
          </Button>
        ) : null}
        {allowed.includes("withdraw") ? (
          <Button type="button" variant="secondary" onClick={() => go("withdraw")} disabled={pending}>
            Withdraw to drafts
          </Button>
        ) : null}
        {allowed.includes("archive") ? (
          <Button type="button" variant="danger" onClick={() => go("archive")} disabled={pending}>
            Delete listing
          </Button>
        ) : null}
      </div>
    </div>
  );
}
