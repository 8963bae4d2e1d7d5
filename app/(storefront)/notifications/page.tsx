import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { listInAppNotifications } from "@/lib/notifications/in-app-notifications";

import { markAllNotificationsReadAction, markNotificationReadAction, openNotificationAction } from "./actions";
import { ButtonForm } from "./button-form";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requirePageUser("/notifications");
  const { notifications, unread } = await listInAppNotifications({ userId: user.id });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notifications"
        description={`${unread} unread`}
        actions={
          <div className="flex items-center gap-3 text-sm">
            <Link href="/account/notifications" className="underline">
              Settings
            </Link>
            {unread > 0 ? (
              <ButtonForm action={markAllNotificationsReadAction} className={buttonClass("secondary")}>
                Mark all read
              </ButtonForm>
            ) : null}
          </div>
        }
      />
      {notifications.length === 0 ? (
        <EmptyState>Nothing yet. Orders, messages and reviews will show up here.</EmptyState>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
          {notifications.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-start gap-3 p-4 ${n.readAt ? "" : "bg-brand-50"}`}>
              <div className="min-w-0 flex-1">
                <ButtonForm
                  action={openNotificationAction.bind(null, n.id)}
                  className="text-left font-semibold underline-offset-2 hover:underline"
                >
                  {n.title}
                  {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                </ButtonForm>
                <p className="break-words text-sm text-muted">{n.body}</p>
                <p className="text-xs text-muted">
                  <LocalTime iso={n.createdAt.toISOString()} />
                </p>
              </div>
              {n.readAt ? null : (
                <ButtonForm
                  action={markNotificationReadAction.bind(null, n.id)}
                  className={buttonClass("ghost")}
                  label={`Mark "${n.title}" read`}
                >
                  Mark read
                </ButtonForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
