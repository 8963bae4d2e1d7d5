// Signs that a message asks to pay or talk outside the marketplace, where the buyer loses
// escrow and buyer protection: an email address, a phone number, a payment link or app, a bank
// transfer. Plain patterns (no server imports) so the unit test pins each one.

export type OffPlatformSignal = "email" | "phone" | "payment_link" | "bank_transfer";

const EMAIL = /[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[a-z0-9-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[a-z0-9-]+)+/i;
// Seven or more digits, allowing spaces, dots, dashes and brackets between them (a phone number),
// but not a price ("$1,250.00") or an order number written with letters.
const PHONE = /(?:\+|\b)\d(?:[\s().-]{0,2}\d){6,14}\b/;
const PAYMENT_LINK =
  /\b(?:paypal\.me|paypal\.com\/(?:paypalme|send)|venmo(?:\.com)?|cash\.app|cashapp|zelle|revolut\.me|wise\.com\/pay|buymeacoffee\.com|ko-fi\.com|western\s+union|moneygram|(?:pay|send)\s+(?:me\s+)?(?:via|by|through|on|with)\s+(?:paypal|venmo|zelle|crypto|bitcoin|btc|usdt))\b/i;
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b/;
const BANK_WORDS = /\b(?:iban|swift|bic code|wire\s+transfer|bank\s+transfer|routing\s+number|sort\s+code)\b/i;

/** The kinds of off-platform push a message shows, in a fixed order; empty when it shows none. */
export function offPlatformSignals(text: string): OffPlatformSignal[] {
  const found: OffPlatformSignal[] = [];
  if (EMAIL.test(text)) found.push("email");
  // Prices and account numbers are not phone numbers.
  const digits = text.replace(/[$€£]\s?\d[\d,.]*/g, "").replace(new RegExp(IBAN.source, "g"), "");
  if (PHONE.test(digits)) found.push("phone");
  if (PAYMENT_LINK.test(text)) found.push("payment_link");
  if (IBAN.test(text) || BANK_WORDS.test(text)) found.push("bank_transfer");
  return found;
}

/** What the buyer reads beside a flagged message. */
export const OFF_PLATFORM_NOTICE =
  "This message seems to ask you to pay or get in touch outside the marketplace. Payments made outside aren't held in escrow or covered by buyer protection: always pay at checkout. Our moderators have been told.";
