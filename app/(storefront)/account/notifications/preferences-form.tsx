"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PreferenceRow } from "@/lib/notifications/set-notification-preferences";

import { saveNotificationPreferencesAction, type PreferencesState } from "./actions";

const CHANNEL = { email: "Email", in_app: "In the app", push: "Push", sms: "Text message (SMS)" } as const;

export function PreferencesForm({ rows }: { rows: PreferenceRow[] }) {
  const [state, action, pending] = useActionState<PreferencesState, FormData>(saveNotificationPreferencesAction, {});
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <form action={action} aria-label="Notification settings" className="space-y-4">
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {state.error ? <Alert>{state.error}</Alert> : null}
      {groups.map((group) => {
        const mine = rows.filter((r) => r.group === group);
        return (
          <fieldset key={group} className="rounded-lg border border-gray-200 bg-white p-4">
            <legend className="px-1 text-sm font-semibold">{mine[0].label}</legend>
            <div className="flex flex-wrap gap-6">
              {mine.map((r) => {
                const id = `pref-${r.group}-${r.channel}`;
                return (
                  <div key={r.channel} className="text-sm">
                    <label htmlFor={id} className="flex items-center gap-2">
                      <input
                        id={id}
                        type="checkbox"
                        name="enabled"
                        value={`${r.group}:${r.channel}`}
                        defaultChecked={r.enabled}
                        disabled={r.locked !== null}
                        aria-describedby={r.locked ? `${id}-why` : undefined}
                      />
                      {CHANNEL[r.channel]}
                    </label>
                    {r.locked ? (
                      <p id={`${id}-why`} className="mt-1 max-w-xs text-xs text-muted">
                        {r.locked}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
