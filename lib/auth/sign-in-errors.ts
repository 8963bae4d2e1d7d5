// The codes a sign-in fails with (thrown in authorize, or ?error= after an OAuth round trip),
// and the sentences the sign-in page shows for them. Shared with the browser: no secrets here.
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";

export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  TwoFactorInvalid:
    "That code is not right, or was already used. Enter the code your app shows now, or a recovery code.",
  EmailNotVerified:
    "The provider has not verified that email address, so it can't sign you in here. Verify it there, or sign in with your password.",
  TwoFactorUsePassword: "This account uses two-factor sign-in: sign in with your email, password and code.",
  AccountSuspended: "This account is suspended. Contact support.",
  OAuthAccountNotLinked: "That email belongs to an account that signs in another way.",
  Default: "Sign-in did not work. Please try again.",
};

/** The sentence for a failure code; a message already written for people (a rate limit's) is shown as it is. */
export function signInErrorMessage(code: string | null | undefined): string {
  if (!code) return SIGN_IN_ERRORS.Default;
  return SIGN_IN_ERRORS[code] ?? (/\s/.test(code) ? code : SIGN_IN_ERRORS.Default);
}
