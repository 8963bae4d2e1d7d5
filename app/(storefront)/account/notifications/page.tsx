import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { LOCALE_LABELS } from "@/lib/mail/i18n/translate";
import { findNotificationSettings } from "@/lib/notifications/notification-settings";
import { listNotificationPreferences } from "@/lib/notifications/set-notification-preferences";
import { vapidPublicKey } from "@/lib/push/vapid-details";

import { PreferencesForm } from "./preferences-form";
import { PushToggle } from "./push-toggle";
import { SettingsForm } from "./settings-form";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requirePageUser("/account/notifications");
  const [rows, settings] = await Promise.all([listNotificationPreferences(user.id), findNotificationSettings(user.id)]);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeader
        title="Notification settings"
        description="Choose how we tell you about each kind of event. Order emails are always sent."
      />
      <section aria-labelledby="push-heading" className="space-y-2">
        <h2 id="push-heading" className="text-lg font-semibold">
          Push notifications on this device
        </h2>
        <PushToggle publicKey={vapidPublicKey()} />
      </section>
      <section aria-labelledby="channels-heading" className="space-y-2">
        <h2 id="channels-heading" className="text-lg font-semibold">
          What you hear about, and where
        </h2>
        <PreferencesForm rows={rows} />
      </section>
      <section aria-labelledby="phone-heading" className="space-y-2">
        <h2 id="phone-heading" className="text-lg font-semibold">
          Phone, quiet hours and digest
        </h2>
        <SettingsForm
          settings={settings}
          isSeller={Boolean(user.sellerId)}
          timeZones={Intl.supportedValuesOf("timeZone")}
          languages={Object.entries(LOCALE_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </section>
    </div>
  );
}
