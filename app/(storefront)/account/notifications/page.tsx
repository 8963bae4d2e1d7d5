import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { listNotificationPreferences } from "@/lib/notifications/set-notification-preferences";

import { PreferencesForm } from "./preferences-form";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requirePageUser("/account/notifications");
  const rows = await listNotificationPreferences(user.id);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notification settings"
        description="Choose how we tell you about each kind of event. Order emails are always sent."
      />
      <PreferencesForm rows={rows} />
    </div>
  );
}
