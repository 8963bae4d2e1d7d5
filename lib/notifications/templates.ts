// Plain-text templates; the subject and body a person reads.
export function welcomeEmail(name: string | null, appUrl: string): { subject: string; body: string } {
  const hello = name ? `Hi ${name},` : "Hi,";
  return {
    subject: "Welcome to the marketplace",
    body: `${hello}\n\nYour account is ready. Browse thousands of products from independent sellers at ${appUrl}.\n\nWant to sell? Open your shop from your account menu: "Become a seller".\n\nHappy shopping!`,
  };
}

export function sellerWelcomeEmail(shopName: string, appUrl: string): { subject: string; body: string } {
  return {
    subject: `Your shop "${shopName}" is open`,
    body: `Your shop "${shopName}" is ready.\n\nNext steps: connect payouts and list your first product at ${appUrl}/seller.\n`,
  };
}
