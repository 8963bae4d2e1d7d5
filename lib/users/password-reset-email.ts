// Plain text; what the person who asked to reset their password reads.
export function passwordResetEmail(
  name: string | null,
  link: string,
  minutes: number,
): { subject: string; body: string } {
  const hello = name ? `Hi ${name},` : "Hi,";
  return {
    subject: "Reset your marketplace password",
    body: `${hello}\n\nSomeone (we hope you) asked to reset the password of your marketplace account. Choose a new one here:\n\n${link}\n\nThe link works once, for ${minutes} minutes. Setting a new password signs you out everywhere.\n\nIf you didn't ask, ignore this email: your password stays as it is.\n`,
  };
}
