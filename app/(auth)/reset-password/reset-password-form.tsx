"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import { resetPasswordAction, type ResetPasswordState } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  if (state.done)
    return (
      <div className="space-y-4">
        <Alert tone="success">Your new password is set, and every session of your account was signed out.</Alert>
        <Link href="/sign-in" className={buttonClass("primary", "w-full")}>
          Sign in with your new password
        </Link>
      </div>
    );
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <Alert>
          {state.error}
          {state.fields?.token ? (
            <>
              {" "}
              <Link href="/forgot-password" className="font-medium underline">
                Send a new link
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fields?.password}
        hint="At least 10 characters, mixing letters with digits or symbols."
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
