"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInErrorMessage, TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-errors";

type Provider = { id: string; name: string };

/**
 * Email and password, then (for an account with two-factor on) a second step asking for the
 * code: the same credentials go again with it, so no session exists until the code is right.
 */
export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: Provider[];
  initialError: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);

  async function attempt(creds: { email: string; password: string }, code?: string) {
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { ...creds, ...(code ? { code } : {}), redirect: false });
    setPending(false);
    if (res?.error === TWO_FACTOR_REQUIRED) {
      setCredentials(creds);
      return;
    }
    if (!res || res.error) {
      setError(signInErrorMessage(res?.error ?? "CredentialsSignin"));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void attempt({ email: String(form.get("email")), password: String(form.get("password")) });
  }

  function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    if (!code) {
      setError("Enter the code from your authenticator app.");
      return;
    }
    if (credentials) void attempt(credentials, code);
  }

  if (credentials) {
    return (
      <form onSubmit={onCode} className="space-y-4" noValidate aria-label="Two-factor sign-in">
        {error ? <Alert>{error}</Alert> : null}
        <p className="text-sm text-muted">
          Enter the 6-digit code from your authenticator app, or one of your recovery codes.
        </p>
        <Field
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={32}
          spellCheck={false}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Checking…" : "Verify"}
        </Button>
        <button
          type="button"
          className="w-full text-center text-sm text-brand-700 underline"
          onClick={() => {
            setCredentials(null);
            setError(null);
          }}
        >
          Use another account
        </button>
      </form>
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onPassword} className="space-y-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <p className="text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            Forgot password?
          </Link>
        </p>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
        <p className="text-center text-sm text-muted">
          New here?{" "}
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="font-medium text-brand-700 underline"
          >
            Create an account
          </Link>
        </p>
      </form>
      {providers.length > 0 ? (
        <div className="space-y-2 border-t border-gray-200 pt-4">
          {providers.map((p) => (
            <Button
              key={p.id}
              type="button"
              variant="secondary"
              className="w-full"
              onClick={() => void signIn(p.id, { callbackUrl })}
            >
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
