"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImageUploader, type UploadedImage } from "@/components/uploads/image-uploader";
import { MAX_REVIEW_IMAGES, REVIEW_BODY_MAX, REVIEW_TITLE_MAX } from "@/lib/reviews/review-rules";

import { sendJson } from "./send-json";

const RATING_WORDS = ["", "Poor", "Fair", "Okay", "Good", "Excellent"];

type Initial = { rating: number; title: string; body: string; images: UploadedImage[] };

/**
 * The buyer's review of one order item: stars, title, text and up to five photos through the
 * upload pipeline. Posts a new review, or (with reviewId) saves changes within the edit window.
 */
export function ReviewForm({
  orderId,
  orderItemId,
  productTitle,
  reviewId,
  initial,
}: {
  orderId: string;
  orderItemId: string;
  productTitle: string;
  reviewId?: string;
  initial?: Initial;
}) {
  const router = useRouter();
  const id = useId();
  const [rating, setRating] = useState(initial?.rating ?? 0);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  const [images, setImages] = useState<string[]>(initial?.images.map((i) => i.uploadId) ?? []);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const editing = Boolean(reviewId);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    if (rating < 1) {
      setError("Choose a rating from 1 to 5 stars.");
      setFields({ rating: "required" });
      return;
    }
    setPending(true);
    const payload = { rating, title, body, images };
    const res = reviewId
      ? await sendJson(`/api/v1/reviews/${reviewId}`, "PATCH", payload)
      : await sendJson(`/api/v1/orders/${orderId}/reviews`, "POST", { order_item_id: orderItemId, ...payload });
    setPending(false);
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields);
      return;
    }
    setError(null);
    setFields({});
    setSaved(true);
    startRefresh(() => router.refresh());
  }

  const busy = pending || refreshing;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4"
      aria-label={`${editing ? "Edit your review of" : "Review"} ${productTitle}`}
    >
      {error ? <Alert>{error}</Alert> : null}
      {saved ? (
        <Alert tone="success">{editing ? "Your changes are saved." : "Thanks! Your review is posted."}</Alert>
      ) : null}
      <fieldset aria-describedby={fields.rating ? `${id}-rating-error` : undefined}>
        <legend className="text-sm font-medium">Your rating</legend>
        <div className="mt-1 flex items-center gap-3">
          <div className="flex gap-0.5">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className="cursor-pointer rounded px-0.5 text-3xl leading-none has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500"
              >
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  className="sr-only"
                />
                <span aria-hidden="true" className={n <= rating ? "text-amber-500" : "text-gray-300"}>
                  ★
                </span>
                <span className="sr-only">
                  {n === 1 ? "1 star" : `${n} stars`} ({RATING_WORDS[n]})
                </span>
              </label>
            ))}
          </div>
          <span className="text-sm text-muted" aria-live="polite">
            {rating ? `${rating} of 5 · ${RATING_WORDS[rating]}` : "Choose 1 to 5 stars"}
          </span>
        </div>
        {fields.rating ? (
          <p id={`${id}-rating-error`} className="text-sm text-red-700">
            Choose a rating from 1 to 5 stars.
          </p>
        ) : null}
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-title`} className="text-sm font-medium">
          Title
        </label>
        <input
          id={`${id}-title`}
          name="title"
          required
          maxLength={REVIEW_TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Sum it up in a few words"
          aria-invalid={fields.title ? true : undefined}
          aria-describedby={fields.title ? `${id}-title-error` : undefined}
          className={`rounded-md border px-3 py-2 text-sm ${fields.title ? "border-red-600" : "border-gray-300"}`}
        />
        {fields.title ? (
          <p id={`${id}-title-error`} className="text-sm text-red-700">
            {fields.title}
          </p>
        ) : null}
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-body`} className="text-sm font-medium">
          Your review <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={5}
          maxLength={REVIEW_BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder="What did you like or dislike? How did you use it?"
          aria-invalid={fields.body ? true : undefined}
          aria-describedby={`${id}-body-count`}
          className={`rounded-md border px-3 py-2 text-sm ${fields.body ? "border-red-600" : "border-gray-300"}`}
        />
        <p id={`${id}-body-count`} className="text-xs text-muted">
          {fields.body ? <span className="text-red-700">{fields.body} · </span> : null}
          {body.length.toLocaleString("en-US")} / {REVIEW_BODY_MAX.toLocaleString("en-US")} characters
        </p>
      </div>

      <div className="space-y-1">
        <p className="text-sm font-medium">
          Photos <span className="font-normal text-muted">(optional, up to {MAX_REVIEW_IMAGES})</span>
        </p>
        <ImageUploader
          purpose="review_image"
          initial={initial?.images ?? []}
          max={MAX_REVIEW_IMAGES}
          name="images"
          onChange={setImages}
        />
      </div>

      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : editing ? "Save changes" : "Post review"}
      </Button>
    </form>
  );
}
