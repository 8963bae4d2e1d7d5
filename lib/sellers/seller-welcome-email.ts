// Plain text; the subject and body a new seller reads.
export function sellerWelcomeEmail(shopName: string, appUrl: string): { subject: string; body: string } {
  return {
    subject: `Your shop "${shopName}" is open`,
    body: `Your shop "${shopName}" is ready.\n\nNext steps: connect payouts and list your first product at ${appUrl}/seller.\n`,
  };
}
