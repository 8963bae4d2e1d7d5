// The security emails (account.* events): a password changed, an email address changed or asked
// to change, a sign-in from a browser the account had not used. They can't be turned off (the
// security group's email is locked) and carry no unsubscribe link. Each goes to the address that
// can act on it: an email change is told to the old address. Once per event (the dedupe key).
import "server-only";

import { describeDevice } from "@/lib/auth/describe-device";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { dateTime, hello, t, type NotificationLocale } from "@/lib/mail/i18n/translate";
import { queueEmail } from "@/lib/mail/queue-email";
import type { DomainEvents } from "@/lib/outbox/events";

import { emailFooterFor } from "./email-footer";
import { localeOf, RECIPIENT_SELECT, type Recipient } from "./recipient";

type Email = { subject: string; body: string };
type Meta = { eventId: bigint };

export function passwordChangedEmail(to: { name: string | null }, locale: NotificationLocale, appUrl: string): Email {
  return {
    subject: t(locale, "security.passwordChanged.subject"),
    body: t(locale, "security.passwordChanged.body", {
      hello: hello(locale, to.name),
      link: `${appUrl}/forgot-password`,
    }),
  };
}

export function emailChangeEmail(
  to: { name: string | null },
  change: { newEmail: string; done: boolean },
  locale: NotificationLocale,
  appUrl: string,
): Email {
  const prefix = change.done ? "security.emailChanged" : "security.emailChangeRequested";
  return {
    subject: t(locale, `${prefix}.subject`),
    body: t(locale, `${prefix}.body`, {
      hello: hello(locale, to.name),
      newEmail: change.newEmail,
      link: `${appUrl}/forgot-password`,
    }),
  };
}

export function newSignInEmail(
  to: { name: string | null },
  session: { userAgent: string | null; ip: string | null; createdAt: Date },
  locale: NotificationLocale,
  appUrl: string,
): Email {
  return {
    subject: t(locale, "security.newSignIn.subject"),
    body: t(locale, "security.newSignIn.body", {
      hello: hello(locale, to.name),
      when: dateTime(locale, session.createdAt),
      device: describeDevice(session.userAgent) ?? t(locale, "security.unknownDevice"),
      place: session.ip ? t(locale, "security.fromAddress", { ip: session.ip }) : t(locale, "security.unknownPlace"),
      link: `${appUrl}/account/security`,
    }),
  };
}

async function queueSecurityEmail(
  tx: Tx,
  user: Recipient,
  opts: { to?: string; template: string; dedupeKey: string; write: (locale: NotificationLocale) => Email },
): Promise<void> {
  if (user.deletedAt) return;
  const locale = localeOf(user);
  await queueEmail(tx, {
    userId: user.id,
    to: opts.to ?? user.email,
    template: opts.template,
    ...opts.write(locale),
    dedupeKey: opts.dedupeKey,
    footer: emailFooterFor(user.id, "security", locale),
    locale,
  });
}

const findUser = (tx: Tx, id: string) => tx.user.findUnique({ where: { id }, select: RECIPIENT_SELECT });

export async function queuePasswordChangedEmail(
  tx: Tx,
  e: DomainEvents["account.password_changed"],
  meta: Meta,
): Promise<void> {
  const user = await findUser(tx, e.userId);
  if (!user) return;
  await queueSecurityEmail(tx, user, {
    template: "password-changed",
    dedupeKey: `security:${meta.eventId}:password-changed`,
    write: (locale) => passwordChangedEmail(user, locale, env().APP_URL),
  });
}

export async function queueEmailChangeRequestedEmail(
  tx: Tx,
  e: DomainEvents["account.email_change_requested"],
  meta: Meta,
): Promise<void> {
  const user = await findUser(tx, e.userId);
  if (!user) return;
  await queueSecurityEmail(tx, user, {
    to: e.oldEmail,
    template: "email-change-requested",
    dedupeKey: `security:${meta.eventId}:email-change-requested`,
    write: (locale) => emailChangeEmail(user, { newEmail: e.newEmail, done: false }, locale, env().APP_URL),
  });
}

export async function queueEmailChangedEmail(
  tx: Tx,
  e: DomainEvents["account.email_changed"],
  meta: Meta,
): Promise<void> {
  const user = await findUser(tx, e.userId);
  if (!user) return;
  await queueSecurityEmail(tx, user, {
    to: e.oldEmail,
    template: "email-changed",
    dedupeKey: `security:${meta.eventId}:email-changed`,
    write: (locale) => emailChangeEmail(user, { newEmail: e.newEmail, done: true }, locale, env().APP_URL),
  });
}

export async function queueNewSignInEmail(tx: Tx, e: DomainEvents["account.new_sign_in"], meta: Meta): Promise<void> {
  const session = await tx.userSession.findFirst({
    where: { id: e.sessionId, userId: e.userId },
    select: { userAgent: true, ip: true, createdAt: true, user: { select: RECIPIENT_SELECT } },
  });
  if (!session) return;
  await queueSecurityEmail(tx, session.user, {
    template: "new-sign-in",
    dedupeKey: `security:${meta.eventId}:new-sign-in`,
    write: (locale) => newSignInEmail(session.user, session, locale, env().APP_URL),
  });
}
