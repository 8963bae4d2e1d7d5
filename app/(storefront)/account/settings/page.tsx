import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guards";
import { getAccountSettings } from "@/lib/users/get-account-settings";

import { ChangeEmailForm, ChangePasswordForm, DeleteAccountForm, ResendVerificationForm } from "./settings-forms";

export const metadata = { title: "Account settings" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-gray-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountSettingsPage() {
  const user = await requirePageUser("/account/settings");
  const settings = await getAccountSettings(user.id);
  if (!settings) return null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Account settings" description="Your email address, password and data." />

      <Section id="email-heading" title="Email address">
        <p className="text-sm">
          <span className="font-medium">{settings.email}</span>{" "}
          {settings.emailVerified ? (
            <span className="text-green-800">· confirmed</span>
          ) : (
            <span className="text-amber-800">· not confirmed yet</span>
          )}
        </p>
        {settings.emailVerified ? null : (
          <>
            <Alert tone="info">
              Confirm your address to open a shop and to place larger orders: use the link we emailed you.
            </Alert>
            <ResendVerificationForm />
          </>
        )}
        {settings.pendingEmail ? (
          <Alert tone="info">
            Waiting for you to confirm {settings.pendingEmail}: until then your account keeps its current address.
          </Alert>
        ) : null}
        <ChangeEmailForm />
      </Section>

      <Section id="password-heading" title="Password">
        <ChangePasswordForm />
      </Section>

      <Section id="data-heading" title="Your data">
        <p className="text-sm text-muted">
          Download everything we hold about you as JSON: your profile, addresses, orders with their items and amounts,
          reviews you wrote and received, and your sessions.
        </p>
        <a href="/api/v1/me/export" download className={buttonClass("secondary")}>
          Download my data
        </a>
      </Section>

      <Section id="delete-heading" title="Delete account">
        <p className="text-sm text-muted">
          Deleting removes your name, email, password, saved addresses and sessions for good. Orders, their amounts and
          the payment records stay, without your name and street, because sellers and tax law need them. It can&apos;t
          be done while an order, claim, return or dispute is open, or while your shop has money to be paid out.
        </p>
        <DeleteAccountForm />
      </Section>
    </div>
  );
}
