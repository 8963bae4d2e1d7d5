// Stripe's test cards (https://docs.stripe.com/testing): the number, or the matching
// `pm_card_*` / `tok_*` test token, decides what happens when a payment is confirmed.

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "unknown";

export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

export type CardOutcome =
  | { kind: "succeed" }
  /** Succeeds, then the cardholder disputes it (a `charge.dispute.created` event follows). */
  | { kind: "dispute" }
  | { kind: "decline"; decline: Decline };

export interface TestCard {
  number: string;
  brand: CardBrand;
  funding: "credit" | "debit" | "prepaid";
  /** The issuing country, as the PaymentMethod's card.country reports it; "US" when left out. */
  country?: string;
  /** 3D Secure is required before the outcome applies. */
  authenticate: boolean;
  outcome: CardOutcome;
  tokens: string[];
}

const declined = (declineCode: string, message = "Your card was declined.", code = "card_declined"): CardOutcome => ({
  kind: "decline",
  decline: { code, declineCode, message },
});

const TEST_CARDS = {
  visa: {
    number: "4242424242424242",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_visa", "tok_visa"],
  },
  visaDebit: {
    number: "4000056655665556",
    brand: "visa",
    funding: "debit",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_visa_debit", "tok_visa_debit"],
  },
  mastercard: {
    number: "5555555555554444",
    brand: "mastercard",
    funding: "credit",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_mastercard", "tok_mastercard"],
  },
  amex: {
    number: "378282246310005",
    brand: "amex",
    funding: "credit",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_amex", "tok_amex"],
  },
  declined: {
    number: "4000000000000002",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined("generic_decline"),
    tokens: ["pm_card_chargeDeclined", "tok_chargeDeclined"],
  },
  insufficientFunds: {
    number: "4000000000009995",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined("insufficient_funds", "Your card has insufficient funds."),
    tokens: ["pm_card_chargeDeclinedInsufficientFunds", "tok_chargeDeclinedInsufficientFunds"],
  },
  lostCard: {
    number: "4000000000009987",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined("lost_card"),
    tokens: ["pm_card_chargeDeclinedLostCard", "tok_chargeDeclinedLostCard"],
  },
  stolenCard: {
    number: "4000000000009979",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined("stolen_card"),
    tokens: ["pm_card_chargeDeclinedStolenCard", "tok_chargeDeclinedStolenCard"],
  },
  expiredCard: {
    number: "4000000000000069",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined("expired_card", "Your card has expired.", "expired_card"),
    tokens: ["pm_card_chargeDeclinedExpiredCard", "tok_chargeDeclinedExpiredCard"],
  },
  incorrectCvc: {
    number: "4000000000000127",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined("incorrect_cvc", "Your card's security code is incorrect.", "incorrect_cvc"),
    tokens: ["pm_card_chargeDeclinedIncorrectCvc", "tok_chargeDeclinedIncorrectCvc"],
  },
  processingError: {
    number: "4000000000000119",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: declined(
      "processing_error",
      "An error occurred while processing your card. Try again in a little bit.",
      "processing_error",
    ),
    tokens: ["pm_card_chargeDeclinedProcessingError", "tok_chargeDeclinedProcessingError"],
  },
  authenticationRequiredOnSetup: {
    number: "4000002500003155",
    brand: "visa",
    funding: "credit",
    authenticate: true,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_authenticationRequiredOnSetup", "tok_authenticationRequiredOnSetup"],
  },
  authenticationRequired: {
    number: "4000002760003184",
    brand: "visa",
    funding: "credit",
    authenticate: true,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_authenticationRequired", "tok_authenticationRequired"],
  },
  threeDSecure2Required: {
    number: "4000000000003220",
    brand: "visa",
    funding: "credit",
    authenticate: true,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_threeDSecure2Required", "tok_threeDSecure2Required"],
  },
  authenticationThenInsufficientFunds: {
    number: "4000008260003178",
    brand: "visa",
    funding: "credit",
    authenticate: true,
    outcome: declined("insufficient_funds", "Your card has insufficient funds."),
    tokens: ["pm_card_authenticationRequiredChargeDeclinedInsufficientFunds"],
  },
  createDispute: {
    number: "4000000000000259",
    brand: "visa",
    funding: "credit",
    authenticate: false,
    outcome: { kind: "dispute" },
    tokens: ["pm_card_createDispute", "tok_createDispute"],
  },
  // Stripe's international and prepaid test cards: for the fraud checks' card-country and
  // funding signals.
  brazil: {
    number: "4000000760000002",
    brand: "visa",
    funding: "credit",
    country: "BR",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_br", "tok_br"],
  },
  unitedKingdom: {
    number: "4000008260000000",
    brand: "visa",
    funding: "credit",
    country: "GB",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_gb", "tok_gb"],
  },
  mastercardPrepaid: {
    number: "5105105105105100",
    brand: "mastercard",
    funding: "prepaid",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: ["pm_card_mastercard_prepaid", "tok_mastercard_prepaid"],
  },
} satisfies Record<string, TestCard>;

export type TestCardKey = keyof typeof TEST_CARDS | "other";

export function testCard(key: TestCardKey, number?: string): TestCard {
  if (key !== "other") return TEST_CARDS[key];
  // Any other valid number behaves like a plain successful card of its brand.
  return {
    number: number ?? "",
    brand: brandOf(number ?? ""),
    funding: "credit",
    authenticate: false,
    outcome: { kind: "succeed" },
    tokens: [],
  };
}

export function cardByNumber(number: string): TestCardKey {
  const match = Object.entries(TEST_CARDS).find(([, card]) => card.number === number);
  return (match?.[0] as TestCardKey | undefined) ?? "other";
}

export function cardByToken(token: string): TestCardKey | null {
  const match = Object.entries(TEST_CARDS).find(([, card]) => (card.tokens as string[]).includes(token));
  return (match?.[0] as TestCardKey | undefined) ?? null;
}

export function brandOf(number: string): CardBrand {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^(6011|65)/.test(number)) return "discover";
  return "unknown";
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
