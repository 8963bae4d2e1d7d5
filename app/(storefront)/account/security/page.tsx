import Link from "next/link";

import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { listUserSessions } from "@/lib/auth/list-user-sessions";

import { RevokeOtherSessionsForm, RevokeSessionForm } from "./session-forms";

export const metadata = { title: "Security" };

const METHOD: Record<string, string> = { credentials: "Email and password", github: "GitHub", google: "Google" };

export default async function AccountSecurityPage() {
  const user = await requirePageUser("/account/security");
  const sessions = await listUserSessions({ userId: user.id });
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <PageHeader
        title="Security"
        description="Where your account is signed in."
        actions={
          <Link href="/account" className="text-sm text-brand-700 underline">
            Back to your account
          </Link>
        }
      />
      <section aria-labelledby="sessions-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            Signed-in sessions
          </h2>
          <RevokeOtherSessionsForm />
        </div>
        <ul className="divide-y divide-gray-200 rounded-xl border border-gray-200 bg-white shadow-sm">
          {sessions.map((s) => {
            const current = s.id === user.sessionId;
            const device = s.device ?? "Unknown device";
            return (
              <li
                key={s.id}
                aria-label={current ? `${device}, this device` : device}
                className="flex flex-wrap items-center justify-between gap-4 p-4"
              >
                <div>
                  <p className="font-medium">
                    {device}
                    {current ? (
                      <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-700">
                        This device
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-muted">
                    {METHOD[s.method] ?? s.method}
                    {s.ip ? ` · ${s.ip}` : ""} · last seen <LocalTime iso={s.lastSeenAt.toISOString()} />
                  </p>
                  <p className="text-sm text-muted">
                    Signed in <LocalTime iso={s.createdAt.toISOString()} />
                  </p>
                </div>
                {current ? null : <RevokeSessionForm sessionId={s.id} />}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
