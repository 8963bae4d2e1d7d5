import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { getTwoFactorStatus } from "@/lib/auth/get-two-factor-status";
import { requirePageUser } from "@/lib/auth/guards";
import { listUserSessions } from "@/lib/auth/list-user-sessions";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

import { RevokeOtherSessionsForm, RevokeSessionForm } from "./session-forms";
import { TwoFactorDisable, TwoFactorSetup } from "./two-factor-forms";

export const metadata = { title: "Security" };

const METHOD: Record<string, string> = { credentials: "Email and password", github: "GitHub", google: "Google" };

export default async function AccountSecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ required?: string; callbackUrl?: string }>;
}) {
  const user = await requirePageUser("/account/security");
  const { required, callbackUrl } = await searchParams;
  const [sessions, twoFactor] = await Promise.all([
    listUserSessions({ userId: user.id }),
    getTwoFactorStatus({ userId: user.id }),
  ]);
  const mustEnrol = user.role === "admin" && !twoFactor.enabledAt;
  const back = typeof callbackUrl === "string" ? safeCallbackUrl(callbackUrl, "") : "";
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <PageHeader
        title="Security"
        description="Two-factor sign-in, and where your account is signed in."
        actions={
          <Link href="/account" className="text-sm text-brand-700 underline">
            Back to your account
          </Link>
        }
      />
      <section
        aria-labelledby="two-factor-heading"
        className="space-y-4 rounded-xl border border-gray-200 bg-white p-6 shadow-sm"
      >
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        {mustEnrol ? (
          <Alert tone={required === "admin" ? "error" : "info"}>
            Admins must turn on two-factor sign-in before using the admin console.
          </Alert>
        ) : null}
        {twoFactor.enabledAt ? (
          <>
            <p className="text-sm">
              Two-factor sign-in is on (since <LocalTime iso={twoFactor.enabledAt.toISOString()} />
              ). Each sign-in asks for a code from your authenticator app. {twoFactor.recoveryCodesLeft} of 10 recovery
              codes left.
            </p>
            <TwoFactorDisable />
          </>
        ) : (
          <>
            <p className="text-sm text-muted">
              {user.sellerId
                ? "Your shop moves money: protect it with a code from an authenticator app on your phone, asked at every sign-in."
                : "Protect your account with a code from an authenticator app on your phone, asked at every sign-in."}
            </p>
            <TwoFactorSetup doneHref={back || null} />
          </>
        )}
      </section>
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
