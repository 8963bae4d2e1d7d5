// The building blocks every input schema is made of, so one rule holds at every edge (routes,
// server actions, forms, webhooks): text is NFC-normalised, trimmed, bounded and free of control
// characters (PostgreSQL refuses NUL in text and jsonb; the rest never belong in typed text);
// numbers are whole, bounded and taken only from a number or a plain run of digits (a form field),
// never from true, [2], null, "" or "1e3". Lives in lib/errors, a foundation module, so that every
// layer (addresses and carriers too) may import it.
import { z } from "zod";

// C0 and C1 controls and DEL; a multi-line field keeps tab, newline and carriage return.
const CONTROL_ANY = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const DIGITS = /^\s*-?\d{1,15}\s*$/;

export type TextOptions = {
  /** Names the field in default messages ("Title is required."). */
  what: string;
  max: number;
  /** Characters after trimming; 0 (the default) allows the empty string. */
  min?: number;
  /** Allows tab and line breaks (descriptions, notes); other control characters are refused either way. */
  multiline?: boolean;
  /** When the field is missing, empty, or shorter than min. */
  required?: string;
  tooLong?: string;
  notText?: string;
};

/** Plain text a person typed. */
export function zText(o: TextOptions) {
  const min = o.min ?? 0;
  const required =
    o.required ?? (min > 1 ? `${o.what} must be at least ${min} characters.` : `Enter the ${lower(o.what)}.`);
  const control = o.multiline ? CONTROL_MULTILINE : CONTROL_ANY;
  let s = z
    .string({ error: o.notText ?? (min > 0 ? required : `${o.what} must be text.`) })
    .normalize("NFC")
    .trim()
    .refine((v) => !control.test(v), `${o.what} contains characters that aren't allowed.`);
  if (min > 0) s = s.min(min, required);
  return s.max(o.max, o.tooLong ?? `${o.what} must be at most ${o.max.toLocaleString("en-US")} characters.`);
}

export type WholeNumberOptions = {
  what: string;
  min: number;
  max: number;
  /** When the value is not a whole number (or is missing). */
  notNumber?: string;
  tooSmall?: string;
  tooLarge?: string;
};

/**
 * A whole number within [min, max], from a JSON number or a string of digits (forms send
 * strings). Anything else is refused, not coerced: Number(true) is 1, Number([2]) is 2 and
 * Number(null), Number(false) and Number("") are 0.
 */
export function zWholeNumber(o: WholeNumberOptions) {
  const notNumber = o.notNumber ?? `${o.what} must be a whole number.`;
  return z.union([z.number(), z.string().regex(DIGITS).transform(Number)], { error: notNumber }).pipe(
    z
      .number({ error: notNumber })
      .int(notNumber)
      .min(o.min, o.tooSmall ?? `${o.what} must be at least ${o.min.toLocaleString("en-US")}.`)
      .max(o.max, o.tooLarge ?? `${o.what} must be at most ${o.max.toLocaleString("en-US")}.`),
  );
}

/** Money in integer minor units (cents); at least 1 unless min says otherwise. */
export function zCents(o: Omit<WholeNumberOptions, "min"> & { min?: number }) {
  return zWholeNumber({
    notNumber: `${o.what} must be a whole number of cents.`,
    tooSmall: (o.min ?? 1) > 0 ? `${o.what} must be more than zero.` : `${o.what} cannot be negative.`,
    ...o,
    min: o.min ?? 1,
  });
}

/** A count of items: 1 or more unless min says otherwise (a cart line set to 0 is removed). */
export function zQuantity(o: Omit<WholeNumberOptions, "min"> & { min?: number }) {
  return zWholeNumber({ notNumber: `${o.what} must be a whole number.`, ...o, min: o.min ?? 1 });
}

/** A row id (UUID). */
export function zId(message: string) {
  return z.uuid(message);
}

/** An email address, trimmed and lower-cased. */
export function zEmail(message = "Enter a valid email address.") {
  return z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .max(254, "Email addresses are at most 254 characters.")
    .pipe(z.email(message));
}

/** An absolute http(s) URL. */
export function zUrl(message = "Enter a web address starting with https://.") {
  return z
    .string({ error: message })
    .trim()
    .max(2048, "Web addresses are at most 2,048 characters.")
    .pipe(z.url({ protocol: /^https?$/, error: message }));
}

function lower(what: string): string {
  return what.charAt(0).toLowerCase() + what.slice(1);
}
