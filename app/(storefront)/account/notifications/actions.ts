"use server";

import { z } from "zod";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { setNotificationPreferences } from "@/lib/notifications/set-notification-preferences";

export type PreferencesState = { error?: string; message?: string };

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
