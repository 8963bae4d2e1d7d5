import "server-only";

import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";

import { db } from "@/lib/db/client";
import { NOTIFICATION_LOCALES, notificationLocale, type NotificationLocale } from "@/lib/mail/i18n/translate";

import { formatClockTime, isValidTimeZone, parseClockTime } from "./quiet-hours";

export type NotificationSettingsView = {
  phoneNumber: string | null;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  dailyDigest: boolean;
  /** The language emails and notifications are written in. */
  locale: NotificationLocale;
};

/** The person's phone, quiet hours, time zone and digest choice (defaults when never saved). */
export async function findNotificationSettings(userId: string): Promise<NotificationSettingsView> {
  const [s, user] = await Promise.all([
    db().notificationSettings.findUnique({ where: { userId } }),
    db().user.findUnique({ where: { id: userId }, select: { locale: true } }),
  ]);
  return {
    phoneNumber: s?.phoneNumber ?? null,
    quietHours:
      s && s.quietStartMinutes !== null && s.quietEndMinutes !== null
        ? { start: formatClockTime(s.quietStartMinutes), end: formatClockTime(s.quietEndMinutes) }
        : null,
    timeZone: s?.timeZone ?? "UTC",
    dailyDigest: s?.dailyDigest ?? false,
    locale: notificationLocale(user?.locale),
  };
}

const clock = z
  .string()
  .trim()
  .refine((v) => v === "" || parseClockTime(v) !== null, "Use a 24-hour time like 22:00.");

/** The settings form. Phone numbers are checked (and normalised to E.164) with libphonenumber-js. */
export const ZNotificationSettings = z
  .object({
    phoneNumber: z
      .string()
      .trim()
      .max(30, "That phone number is too long.")
      .transform((v, ctx) => {
        if (v === "") return null;
        const p = parsePhoneNumberFromString(v);
        if (!p || !p.isValid()) {
          ctx.addIssue({
            code: "custom",
            message: "Enter a valid mobile number with its country code, like +1 415 555 0123.",
          });
          return z.NEVER;
        }
        return p.number;
      }),
    quietStart: clock,
    quietEnd: clock,
    timeZone: z.string().trim().max(64, "Unknown time zone.").refine(isValidTimeZone, "Unknown time zone."),
    dailyDigest: z.boolean(),
    // Absent: the language stays as it is (API clients that predate it).
    locale: z.enum(NOTIFICATION_LOCALES, { message: "Choose English or Deutsch." }).optional(),
  })
  .refine((v) => (v.quietStart === "") === (v.quietEnd === ""), {
    message: "Give both a start and an end for quiet hours, or neither.",
    path: ["quietEnd"],
  })
  .refine((v) => v.quietStart === "" || v.quietStart !== v.quietEnd, {
    message: "Quiet hours must start and end at different times.",
    path: ["quietEnd"],
  })
  .meta({ id: "NotificationSettings", title: "Phone, quiet hours and digest" });
export type TNotificationSettings = z.output<typeof ZNotificationSettings>;

/** Saves the person's settings; only sellers may choose the daily digest (it carries buyers' messages). */
export async function setNotificationSettings(opts: {
  userId: string;
  isSeller: boolean;
  input: TNotificationSettings;
}): Promise<void> {
  const { input } = opts;
  const data = {
    phoneNumber: input.phoneNumber,
    quietStartMinutes: input.quietStart === "" ? null : parseClockTime(input.quietStart),
    quietEndMinutes: input.quietEnd === "" ? null : parseClockTime(input.quietEnd),
    timeZone: input.timeZone,
    dailyDigest: opts.isSeller && input.dailyDigest,
  };
  await db().$transaction(async (tx) => {
    await tx.notificationSettings.upsert({
      where: { userId: opts.userId },
      create: { userId: opts.userId, ...data },
      update: data,
    });
    if (input.locale) await tx.user.update({ where: { id: opts.userId }, data: { locale: input.locale } });
  });
}
