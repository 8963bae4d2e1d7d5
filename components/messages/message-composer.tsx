"use client";

import { useActionState, useId } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImageUploader } from "@/components/uploads/image-uploader";

type State = { error?: string; fields?: Record<string, string>; sentAt?: number };

/** The message box of a thread (and of "Ask a question"): text, up to four photos, Send. */
export function MessageComposer({
  action,
  label = "Your message",
  formLabel,
  submitLabel = "Send",
  placeholder,
  photos = true,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  label?: string;
  formLabel: string;
  submitLabel?: string;
  placeholder?: string;
  photos?: boolean;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, {});
  const id = useId();
  return (
    // A new key after each message sent empties the box and the photos.
    <form key={state.sentAt ?? 0} action={formAction} aria-label={formLabel} className="space-y-3">
      {state.error ? <Alert>{state.error}</Alert> : null}
      <div>
        <label htmlFor={`${id}-body`} className="mb-1 block text-sm font-medium">
          {label}
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          required
          maxLength={4000}
          placeholder={placeholder}
          aria-invalid={state.fields?.body ? true : undefined}
          className="w-full rounded-md border border-gray-300 px-3 py-2 text-sm"
        />
        {state.fields?.body ? <p className="mt-1 text-sm text-red-700">{state.fields.body}</p> : null}
      </div>
      {photos ? <ImageUploader purpose="message_image" max={4} name="images" /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : submitLabel}
      </Button>
    </form>
  );
}
