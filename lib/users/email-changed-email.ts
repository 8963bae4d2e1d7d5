// Plain text; sent to the old address when an account's email changes, in case it wasn't them.
export function emailChangedEmail(opts: { name: string | null; newEmail: string; done: boolean; appUrl: string }): {
  subject: string;
  body: string;
} {
  const hello = opts.name ? `Hi ${opts.name},` : "Hi,";
  const what = opts.done
    ? `Your marketplace account now uses ${opts.newEmail}; this address no longer signs in.`
    : `Someone signed in to your marketplace account asked to change its email to ${opts.newEmail}. It changes once that address is confirmed.`;
  return {
    subject: opts.done ? "Your marketplace email address was changed" : "A change of your marketplace email address",
    body: `${hello}\n\n${what}\n\nIf this wasn't you, reset your password at ${opts.appUrl}/forgot-password and reply to this email.\n`,
  };
}
