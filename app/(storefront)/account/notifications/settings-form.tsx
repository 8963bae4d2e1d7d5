"use client";

import { useActionState, useEffect, useMemo, useRef } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { NotificationSettingsView } from "@/lib/notifications/notification-settings";

import { saveNotificationSettingsAction, type SettingsState } from "./actions";

/** Phone for text messages, quiet hours for push and SMS, and (sellers) the daily digest. */
export function SettingsForm({
  settings,
  isSeller,
  timeZones,
  languages,
}: {
  settings: NotificationSettingsView;
  isSeller: boolean;
  /** From the server, so the server's and the browser's renders list the same zones. */
  timeZones: string[];
  /** The languages notifications can be written in. */
  languages: { value: string; label: string }[];
}) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveNotificationSettingsAction, {});
  const options = useMemo(() => [...new Set(["UTC", settings.timeZone, ...timeZones])], [settings.timeZone, timeZones]);
  const zoneSelect = useRef<HTMLSelectElement>(null);
  const saved = Boolean(settings.quietHours) || settings.timeZone !== "UTC";
  // Never saved: suggest the browser's zone (after hydration, so server and client render alike).
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!saved && zoneSelect.current && options.includes(browserZone)) zoneSelect.current.value = browserZone;
  }, [saved, options]);
  return (
    <form action={action} aria-label="Phone, quiet hours and digest" className="space-y-4" noValidate>
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.error && !state.fields ? <Alert>{state.error}</Alert> : null}
      <div className="rounded-lg border border-gray-200 bg-white p-4">
        <Field
          label="Mobile number for text messages"
          name="phoneNumber"
          type="tel"
          autoComplete="tel"
          defaultValue={settings.phoneNumber ?? ""}
          placeholder="+1 415 555 0123"
          hint="With its country code. Text messages are off until you tick them above."
          error={state.fields?.phoneNumber}
        />
      </div>
      <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">Quiet hours</legend>
        <p className="mb-3 text-xs text-muted">
          Push notifications and text messages due in these hours arrive when they end. Email and the bell are not
          delayed. Leave both empty for none.
        </p>
        <div className="flex flex-wrap gap-4">
          <Field
            label="From"
            name="quietStart"
            type="time"
            defaultValue={settings.quietHours?.start ?? ""}
            error={state.fields?.quietStart}
          />
          <Field
            label="Until"
            name="quietEnd"
            type="time"
            defaultValue={settings.quietHours?.end ?? ""}
            error={state.fields?.quietEnd}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="field-timeZone" className="text-sm font-medium text-ink">
              Time zone
            </label>
            <select
              id="field-timeZone"
              name="timeZone"
              ref={zoneSelect}
              defaultValue={settings.timeZone}
              className="rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm"
              aria-invalid={state.fields?.timeZone ? true : undefined}
            >
              {options.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </select>
            {state.fields?.timeZone ? <p className="text-sm text-red-700">{state.fields.timeZone}</p> : null}
          </div>
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="field-locale" className="text-sm font-medium text-ink">
          Language of emails and notifications
        </label>
        <select
          id="field-locale"
          name="locale"
          defaultValue={settings.locale}
          className="w-56 rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm"
          aria-invalid={state.fields?.locale ? true : undefined}
        >
          {languages.map((l) => (
            <option key={l.value} value={l.value} lang={l.value}>
              {l.label}
            </option>
          ))}
        </select>
        {state.fields?.locale ? <p className="text-sm text-red-700">{state.fields.locale}</p> : null}
      </div>
      {isSeller ? (
        <div className="rounded-lg border border-gray-200 bg-white p-4 text-sm">
          <label htmlFor="field-dailyDigest" className="flex items-center gap-2">
            <input id="field-dailyDigest" type="checkbox" name="dailyDigest" defaultChecked={settings.dailyDigest} />
            One email a day for buyers&apos; messages and new reviews, instead of one email each
          </label>
          <p className="mt-1 text-xs text-muted">Sent after 8:00 in your time zone, when there is something new.</p>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
