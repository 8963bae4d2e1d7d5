"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { REPLY_BODY_MAX } from "@/lib/reviews/review-rules";

import { sendJson } from "./send-json";

/** The product's seller answers a review (once), or edits the answer. */
export function SellerReplyForm({ reviewId, existing }: { reviewId: string; existing: string | null }) {
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState(existing ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, startRefresh] = useTransition();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const res = await sendJson(`/api/v1/reviews/${reviewId}/reply`, existing === null ? "POST" : "PATCH", { body });
    setPending(false);
    if (!res.ok) return setError(res.message);
    setError(null);
    startRefresh(() => router.refresh());
  }

  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">
        {existing === null ? "Reply as the seller" : "Edit your reply"}
      </summary>
      <form onSubmit={submit} className="mt-2 space-y-2">
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
        <label htmlFor={`${id}-reply`} className="sr-only">
          Your reply
        </label>
        <textarea
          id={`${id}-reply`}
          rows={3}
          required
          maxLength={REPLY_BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className="w-full rounded-md border border-gray-300 px-3 py-2"
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : existing === null ? "Post reply" : "Save reply"}
        </Button>
      </form>
    </details>
  );
}
