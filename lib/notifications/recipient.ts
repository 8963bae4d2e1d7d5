import { notificationLocale, type NotificationLocale } from "@/lib/mail/i18n/translate";

/** What a localised template reads about the person it writes to. */
export const RECIPIENT_SELECT = { id: true, email: true, name: true, locale: true, deletedAt: true } as const;

export type Recipient = { id: string; email: string; name: string | null; locale: string; deletedAt: Date | null };

/** The locale a recipient's notifications are written in (English for one we have no strings for). */
export const localeOf = (r: { locale: string }): NotificationLocale => notificationLocale(r.locale);
