"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  resendVerificationAction,
  type SettingsState,
} from "./actions";

type Action = (prev: SettingsState, form: FormData) => Promise<SettingsState>;

function useSettingsAction(action: Action) {
  return useActionState<SettingsState, FormData>(action, {});
}

export function ResendVerificationForm() {
  const [state, action, pending] = useSettingsAction(resendVerificationAction);
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-2">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Resend confirmation email"}
      </Button>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, action, pending] = useSettingsAction(changeEmailAction);
  return (
    <form action={action} className="space-y-4" aria-label="Change email" noValidate>
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field label="New email" name="email" type="email" autoComplete="email" required error={state.fields?.email} />
      <Field
        label="Current password"
        id="email-current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.currentPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Change email"}
      </Button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useSettingsAction(changePasswordAction);
  return (
    <form action={action} className="space-y-4" aria-label="Change password" noValidate>
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Current password"
        id="password-current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        error={state.fields?.newPassword}
        hint="At least 10 characters, mixing letters with digits or symbols. Your other sessions are signed out."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useSettingsAction(deleteAccountAction);
  if (state.deleted)
    return (
      <div className="space-y-3">
        <Alert tone="success">Your account is deleted and you are signed out everywhere. Goodbye!</Alert>
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to the marketplace
        </Link>
      </div>
    );
  return (
    <form action={action} className="space-y-4" aria-label="Delete account" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Current password"
        id="delete-current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fields?.currentPassword}
      />
      <Field label="Type DELETE to confirm" name="confirm" required autoComplete="off" error={state.fields?.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
