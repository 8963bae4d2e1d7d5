import "server-only";

import { env } from "@/lib/env";

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

/** The application server's VAPID identity, or null when push is off (no key pair configured). */
export function vapidDetails(): VapidDetails | null {
  const e = env();
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) return null;
  // Push services want a way to reach the sender: the configured subject, else MAIL_FROM's address.
  const address = /<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM;
  return {
    subject: e.VAPID_SUBJECT ?? `mailto:${address}`,
    publicKey: e.VAPID_PUBLIC_KEY,
    privateKey: e.VAPID_PRIVATE_KEY,
  };
}

/** The public key browsers subscribe with (PushManager.subscribe's applicationServerKey), or null. */
export function vapidPublicKey(): string | null {
  return vapidDetails()?.publicKey ?? null;
}
