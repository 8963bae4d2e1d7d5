// Picks and formats the notification strings for a recipient's locale: ICU messages through
// intl-messageformat (plurals and selects per locale), money and dates through Intl. A locale we
// have no strings for falls back to English.
import { IntlMessageFormat } from "intl-messageformat";

import { MESSAGES_DE } from "./messages-de";
import { MESSAGES_EN, type MessageKey } from "./messages-en";

export const NOTIFICATION_LOCALES = ["en", "de"] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

export const LOCALE_LABELS: Record<NotificationLocale, string> = { en: "English", de: "Deutsch" };

const INTL_TAG: Record<NotificationLocale, string> = { en: "en-US", de: "de-DE" };

const CATALOGUES: Record<NotificationLocale, Record<MessageKey, string>> = { en: MESSAGES_EN, de: MESSAGES_DE };

/** A stored or asked-for locale as one we have strings for ("de-AT" → "de"; anything else → "en"). */
export function notificationLocale(tag: string | null | undefined): NotificationLocale {
  const base = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return (NOTIFICATION_LOCALES as readonly string[]).includes(base) ? (base as NotificationLocale) : "en";
}

/** The first language of an Accept-Language header that we have strings for, else English. */
export function localeFromAcceptLanguage(header: string | null | undefined): NotificationLocale {
  const tags = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((t) => t.tag && t.tag !== "*" && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const t of tags) {
    const base = t.tag.toLowerCase().split("-")[0];
    if ((NOTIFICATION_LOCALES as readonly string[]).includes(base)) return base as NotificationLocale;
  }
  return "en";
}

const compiled = new Map<string, IntlMessageFormat>();

/** One message in the recipient's locale, its placeholders filled. */
export function t(locale: NotificationLocale, key: MessageKey, values: Record<string, string | number> = {}): string {
  const cacheKey = `${locale}:${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[locale][key] ?? MESSAGES_EN[key], locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** The greeting line: "Hi Ana," or "Hi," when we don't know their name. */
export function hello(locale: NotificationLocale, name: string | null | undefined): string {
  return t(locale, "email.hello", { hasName: name ? "yes" : "no", name: name ?? "" });
}

/** Money in the recipient's locale: integer minor units and a currency (en → en-US style, de → de-DE). */
export function money(locale: NotificationLocale, amountCents: number, currency: string): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: "currency", currency }).format(amountCents / 100);
}

/** A date in the recipient's locale ("December 4, 2026" / "4. Dezember 2026"), in UTC unless a zone is given. */
export function date(locale: NotificationLocale, d: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "long", timeZone }).format(d);
}

/** A moment with its time, for security emails ("December 4, 2026 at 21:30 UTC"). */
export function dateTime(locale: NotificationLocale, d: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(d);
}
