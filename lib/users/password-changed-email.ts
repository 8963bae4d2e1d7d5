// Plain text; tells the account holder their password changed, in case it wasn't them.
export function passwordChangedEmail(name: string | null, appUrl: string): { subject: string; body: string } {
  const hello = name ? `Hi ${name},` : "Hi,";
  return {
    subject: "Your marketplace password was changed",
    body: `${hello}\n\nThe password of your marketplace account was just changed, and every other session was signed out.\n\nIf this wasn't you, reset your password now at ${appUrl}/forgot-password and tell us by replying to this email.\n`,
  };
}
