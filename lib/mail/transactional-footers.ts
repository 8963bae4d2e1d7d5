import type { EmailFooter } from "./render-email";

/**
 * The footers of emails nobody can turn off (no unsubscribe link, no List-Unsubscribe): the
 * domains below the notification leaf (returns, claims, payments, users) queue these directly.
 * lib/notifications/preferences.ts reuses the same reasons for its locked groups.
 */
export const TRANSACTIONAL_FOOTERS = {
  account: { reason: "it is about your account" },
  order: { reason: "it is about an order you placed or sold" },
  security: { reason: "it is about the security of your account" },
} as const satisfies Record<string, EmailFooter>;
