import "server-only";

import { db } from "@/lib/db/client";

export type AccountSettings = {
  email: string;
  name: string | null;
  emailVerified: boolean;
  hasPassword: boolean;
  /** A new address waiting for its confirmation link, if an email change is pending. */
  pendingEmail: string | null;
};

/** What the account settings page shows about the signed-in person. */
export async function getAccountSettings(userId: string): Promise<AccountSettings | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      emailVerified: true,
      passwordHash: true,
      accountTokens: {
        where: { purpose: "email_change", usedAt: null, expiresAt: { gt: new Date() } },
        select: { email: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerified !== null,
    hasPassword: user.passwordHash !== null,
    pendingEmail: user.accountTokens[0]?.email ?? null,
  };
}
