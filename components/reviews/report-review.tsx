"use client";

import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { REPORT_REASON_MAX } from "@/lib/reviews/review-rules";

import { sendJson } from "./send-json";

const REASONS = [
  "Spam or advertising",
  "Offensive or abusive",
  "Not about this product",
  "Looks fake or paid for",
  "Shares private information",
];

/** Lets a signed-in user report a review to the moderators, with a reason. */
export function ReportReview({ reviewId }: { reviewId: string }) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [details, setDetails] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <p role="status" className="text-xs text-green-800">
        Thanks, a moderator will look at this review.
      </p>
    );

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const text = [reason, details.trim()].filter(Boolean).join(": ");
    if (!text) return setError("Choose a reason or tell us what is wrong.");
    setPending(true);
    const res = await sendJson(`/api/v1/reviews/${reviewId}/reports`, "POST", {
      reason: text.slice(0, REPORT_REASON_MAX),
    });
    setPending(false);
    if (!res.ok) return setError(res.message);
    setDone(true);
  }

  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-muted underline">Report</summary>
      <form onSubmit={submit} className="mt-2 max-w-md space-y-2 rounded-md border border-gray-200 bg-gray-50 p-3">
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
        <fieldset>
          <legend className="font-medium">What is wrong with this review?</legend>
          {REASONS.map((r) => (
            <label key={r} className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-reason`}
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              {r}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-details`} className="block font-medium">
          Details <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-details`}
          rows={2}
          maxLength={REPORT_REASON_MAX - 40}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          className="w-full rounded-md border border-gray-300 px-2 py-1"
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send report"}
        </Button>
      </form>
    </details>
  );
}
