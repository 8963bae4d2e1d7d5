"use client";

import { useActionState, type ReactNode } from "react";

import type { NotificationFormState } from "./actions";

/** One button posting to a notification action; its error, if any, shows beside it. */
export function ButtonForm({
  action,
  className,
  label,
  children,
}: {
  action: (prev: NotificationFormState, form: FormData) => Promise<NotificationFormState>;
  className?: string;
  label?: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<NotificationFormState, FormData>(action, {});
  return (
    <form action={formAction}>
      <button type="submit" className={className} disabled={pending} aria-label={label}>
        {children}
      </button>
      {state.error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
