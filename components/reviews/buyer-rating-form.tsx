"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { BUYER_NOTE_MAX } from "@/lib/reviews/review-rules";

import { sendJson } from "./send-json";

/** A seller rates the buyer of a delivered order: stars and a short note only sellers see. */
export function BuyerRatingForm({ orderId }: { orderId: string }) {
  const router = useRouter();
  const id = useId();
  const [rating, setRating] = useState(0);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, startRefresh] = useTransition();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (rating < 1) return setError("Choose a rating from 1 to 5 stars.");
    setPending(true);
    const res = await sendJson("/api/v1/reviews/buyer-ratings", "POST", { order_id: orderId, rating, note });
    setPending(false);
    if (!res.ok) return setError(res.message);
    setError(null);
    startRefresh(() => router.refresh());
  }

  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Rate this buyer</summary>
      <form onSubmit={submit} className="mt-2 space-y-2" aria-label="Rate this buyer">
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
        <fieldset>
          <legend className="text-xs font-medium">Rating</legend>
          <div className="flex gap-0.5">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className="cursor-pointer rounded px-0.5 text-2xl leading-none has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500"
              >
                <input
                  type="radio"
                  name={`${id}-rating`}
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  className="sr-only"
                />
                <span aria-hidden="true" className={n <= rating ? "text-amber-500" : "text-gray-300"}>
                  ★
                </span>
                <span className="sr-only">{n === 1 ? "1 star" : `${n} stars`}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={`${id}-note`} className="block text-xs font-medium">
          Note for other sellers <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={BUYER_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className="w-full max-w-lg rounded-md border border-gray-300 px-3 py-2"
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save rating"}
        </Button>
      </form>
    </details>
  );
}
