"use client";

import Link from "next/link";
import { useState } from "react";

import { sendJson } from "./send-json";

/** "Helpful" for one review: one vote per signed-in user, pressed again to take it back. */
export function HelpfulButton({
  reviewId,
  count,
  voted,
  signInHref,
}: {
  reviewId: string;
  count: number;
  voted: boolean;
  signInHref: string | null;
}) {
  const [state, setState] = useState({ count, voted });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = state.count === 1 ? "1 person found this helpful" : `${state.count} people found this helpful`;
  if (signInHref) {
    return (
      <p className="text-xs text-muted">
        {state.count > 0 ? `${label} · ` : ""}
        <Link href={signInHref} className="underline">
          Sign in to vote
        </Link>
      </p>
    );
  }
  async function toggle() {
    setPending(true);
    const res = await sendJson<{ helpful_count: number; voted_helpful: boolean }>(
      `/api/v1/reviews/${reviewId}/helpful`,
      state.voted ? "DELETE" : "PUT",
    );
    setPending(false);
    if (!res.ok) return setError(res.message);
    setError(null);
    setState({ count: res.data.helpful_count, voted: res.data.voted_helpful });
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={state.voted}
        className={`rounded-full border px-3 py-1 font-medium ${state.voted ? "border-brand-600 bg-brand-50 text-brand-700" : "border-gray-300 bg-white hover:bg-gray-50"}`}
      >
        {state.voted ? "Helpful ✓" : "Helpful"}
      </button>
      <span className="text-muted" aria-live="polite">
        {state.count > 0 ? label : ""}
      </span>
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
