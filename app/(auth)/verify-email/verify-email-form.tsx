"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";

import { verifyEmailAction, type VerifyEmailState } from "./actions";

// A button, not a confirmation on page load: mail scanners that open links must not use them up.
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<VerifyEmailState, FormData>(verifyEmailAction, {});
  if (state.confirmed)
    return (
      <div className="space-y-4">
        <Alert tone="success">
          {state.changed ? `Your account now uses ${state.confirmed}.` : `${state.confirmed} is confirmed. Thank you!`}
        </Alert>
        <Link href="/account/settings" className={buttonClass("primary", "w-full")}>
          Go to your account
        </Link>
      </div>
    );
  return (
    <form action={action} className="space-y-4">
      {state.error ? (
        <Alert>
          {state.error}{" "}
          <Link href="/account/settings" className="font-medium underline">
            Account settings
          </Link>
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Confirming…" : "Confirm my email address"}
      </Button>
    </form>
  );
}
