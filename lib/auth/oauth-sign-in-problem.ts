/** Why an OAuth sign-in is refused, as the sign-in page's ?error= code; null when it may go ahead. */
export type OAuthSignInProblem = "EmailNotVerified" | "TwoFactorUsePassword" | "AccountSuspended";

/**
 * An OAuth sign-in uses (or links to) the account with the provider's email only when the
 * provider says it verified that email: otherwise anyone could add an unverified address at the
 * provider and walk into someone else's account. An account with two-factor on signs in with
 * its password and code (the OAuth flow has no code step), and a suspended one not at all.
 */
export function oauthSignInProblem(opts: {
  profile: Record<string, unknown> | undefined;
  account: { status: string; twoFactorEnabled: boolean } | null;
}): OAuthSignInProblem | null {
  if (opts.profile?.email_verified !== true) return "EmailNotVerified";
  if (opts.account?.status && opts.account.status !== "active") return "AccountSuspended";
  if (opts.account?.twoFactorEnabled) return "TwoFactorUsePassword";
  return null;
}
