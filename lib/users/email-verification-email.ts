// Plain text; the link that confirms an address: a new account's, or the new one of an email change.
export function emailVerificationEmail(opts: { name: string | null; link: string; change: boolean; hours: number }): {
  subject: string;
  body: string;
} {
  const hello = opts.name ? `Hi ${opts.name},` : "Hi,";
  return opts.change
    ? {
        subject: "Confirm your new marketplace email address",
        body: `${hello}\n\nYou asked to use this address for your marketplace account. Confirm it here:\n\n${opts.link}\n\nUntil you do, your account keeps its current address. The link works once, for ${opts.hours} hours.\n\nIf you didn't ask, ignore this email.\n`,
      }
    : {
        subject: "Confirm your marketplace email address",
        body: `${hello}\n\nConfirm that this address is yours:\n\n${opts.link}\n\nYou need a confirmed address to open a shop and for larger orders. The link works once, for ${opts.hours} hours; you can send a new one from your account settings.\n`,
      };
}
