"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import {
  confirmTotpEnrolmentAction,
  disableTotpAction,
  startTotpEnrolmentAction,
  type DisableState,
  type EnrolmentState,
} from "./two-factor-actions";

/** Scan, confirm with a code, then the recovery codes once. */
export function TwoFactorSetup({ doneHref }: { doneHref: string | null }) {
  const router = useRouter();
  const [started, start, starting] = useActionState<EnrolmentState, FormData>(startTotpEnrolmentAction, {});
  const [confirmed, confirm, confirming] = useActionState<EnrolmentState, FormData>(confirmTotpEnrolmentAction, {});

  if (confirmed.recoveryCodes) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Two-factor sign-in is on. From now on, sign-in asks for a code from your app.</Alert>
        <div>
          <h3 className="font-semibold">Your recovery codes</h3>
          <p className="text-sm text-muted">
            Each one signs you in once if you lose your phone. Save them somewhere safe now: they are not shown again.
          </p>
        </div>
        <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md bg-gray-50 p-4 font-mono text-sm">
          {confirmed.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <Button
          type="button"
          onClick={() => {
            if (doneHref) router.push(doneHref);
            router.refresh();
          }}
        >
          I have saved my recovery codes
        </Button>
      </div>
    );
  }

  if (!started.enrolment) {
    return (
      <form action={start} className="space-y-2">
        {started.error ? <Alert>{started.error}</Alert> : null}
        <Button type="submit" disabled={starting}>
          {starting ? "Preparing…" : "Set up two-factor sign-in"}
        </Button>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>Open an authenticator app (Google Authenticator, 1Password, Authy, …) and add an account.</li>
        <li>Scan this QR code, or type the setup key below.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
      <img
        src={started.enrolment.qrCodeDataUrl}
        width={208}
        height={208}
        alt="QR code for your authenticator app"
        className="rounded-md border border-gray-200"
      />
      <p className="text-sm">
        Setup key:{" "}
        <code className="break-all rounded bg-gray-100 px-1 font-mono" data-testid="totp-secret">
          {started.enrolment.secret}
        </code>
      </p>
      <form action={confirm} className="space-y-3">
        {confirmed.error && !confirmed.fields ? <Alert>{confirmed.error}</Alert> : null}
        <Field
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={confirmed.fields?.code}
        />
        <Button type="submit" disabled={confirming}>
          {confirming ? "Checking…" : "Turn on two-factor sign-in"}
        </Button>
      </form>
    </div>
  );
}

export function TwoFactorDisable() {
  const router = useRouter();
  const [state, action, pending] = useActionState<DisableState, FormData>(async (prev, form) => {
    const next = await disableTotpAction(prev, form);
    if (next.message) router.refresh();
    return next;
  }, {});
  if (state.message) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-3" aria-label="Turn off two-factor sign-in">
      {state.error && !state.fields ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Code from your app, or a recovery code"
        name="code"
        autoComplete="one-time-code"
        required
        error={state.fields?.code}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Checking…" : "Turn off two-factor sign-in"}
      </Button>
    </form>
  );
}
