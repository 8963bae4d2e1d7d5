"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { ARG } from "@/lib/http/action-args";
import { serverAction } from "@/lib/http/server-action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/in-app-notifications";

export type NotificationFormState = { error?: string; message?: string };

/** Marks one notification read and opens the thing it is about. */
export const openNotificationAction = serverAction(
  { access: "user", args: [ARG.id, ARG.unread, ARG.form] },
  async (
    { user },
    notificationId: string,
    _prev: NotificationFormState,
    _form: FormData,
  ): Promise<NotificationFormState> => {
    const link = await markNotificationRead({ userId: user.id, notificationId });
    revalidatePath("/notifications");
    // Only our own paths (every in-app link is one).
    redirect(link && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
  },
);

export const markNotificationReadAction = serverAction(
  { access: "user", args: [ARG.id, ARG.unread, ARG.form] },
  async (
    { user },
    notificationId: string,
    _prev: NotificationFormState,
    _form: FormData,
  ): Promise<NotificationFormState> => {
    await markNotificationRead({ userId: user.id, notificationId });
    revalidatePath("/notifications");
    return {};
  },
);

export const markAllNotificationsReadAction = serverAction(
  { access: "user", args: [ARG.unread, ARG.form] },
  async ({ user }, _prev: NotificationFormState, _form: FormData): Promise<NotificationFormState> => {
    await markAllNotificationsRead(user.id);
    revalidatePath("/notifications");
    return {};
  },
);
