"use server";

import { z } from "zod";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { setNotificationSettings, ZNotificationSettings } from "@/lib/notifications/notification-settings";
import { setNotificationPreferences } from "@/lib/notifications/set-notification-preferences";

export type PreferencesState = { error?: string; message?: string };
export type SettingsState = { error?: string; fields?: Record<string, string>; message?: string };

const ZPreferences = z
  .object({ enabled: z.array(z.string().max(60, "Unknown setting.")).max(40, "Too many settings.") })
  .meta({ id: "NotificationPreferences", title: "Notification settings" });

export const saveNotificationPreferencesAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZPreferences,
    input: (_prev: PreferencesState, form: FormData) => ({ enabled: form.getAll("enabled") }),
  },
  async ({ user, input }, _prev: PreferencesState, _form: FormData): Promise<PreferencesState> => {
    await setNotificationPreferences({ userId: user.id, enabled: input.enabled });
    return { message: "Saved." };
  },
);

export const saveNotificationSettingsAction = serverAction(
  {
    access: "user",
    args: [ARG.unread, ARG.form],
    schema: ZNotificationSettings,
    input: (_prev: SettingsState, form: FormData) => ({
      phoneNumber: form.get("phoneNumber") ?? "",
      quietStart: form.get("quietStart") ?? "",
      quietEnd: form.get("quietEnd") ?? "",
      timeZone: form.get("timeZone"),
      dailyDigest: form.get("dailyDigest") === "on",
      locale: form.get("locale") ?? undefined,
    }),
  },
  async ({ user, input }, _prev: SettingsState, _form: FormData): Promise<SettingsState> => {
    await setNotificationSettings({ userId: user.id, isSeller: Boolean(user.sellerId), input });
    return { message: "Saved." };
  },
);
