// Plain text; the subject and body a new account holder reads.
export function welcomeEmail(name: string | null, appUrl: string): { subject: string; body: string } {
  const hello = name ? `Hi ${name},` : "Hi,";
  return {
    subject: "Welcome to the marketplace",
    body: `${hello}\n\nYour account is ready. Browse thousands of products from independent sellers at ${appUrl}.\n\nWant to sell? Open your shop from your account menu: "Become a seller".\n\nHappy shopping!`,
  };
}
