// Payment-fraud rules for a checkout, as pure functions of facts gathered when its payment
// succeeds. Each rule that fires is a signal with a score (0..100); the checkout's risk is
// their noisy-OR (1 − Π(1 − s/100)), less a discount for buyers with a clean history. At or
// above REVIEW_THRESHOLD the orders are held: the money stays in escrow, the seller is told
// not to ship, and an admin clears or refunds them.

export const REVIEW_THRESHOLD = 70;
/** Declined attempts with this many different cards in a day is card testing. */
export const CARD_TESTING_CARDS = 3;
/** Or this many declined attempts in a day, with any cards. */
export const CARD_TESTING_ATTEMPTS = 5;

export type CheckoutRiskFacts = {
  accountAgeHours: number;
  totalCents: number;
  /** Checkouts the buyer placed in the last hour, this one included. */
  checkoutsLastHour: number;
  /** The buyer's declined or failed payment attempts in the last 24 hours. */
  failedPaymentsLast24h: number;
  /** Different cards among those declined attempts (card testing tries many). */
  failedCardsLast24h?: number;
  /** Other accounts with an address at the same street address and postal code. */
  otherAccountsAtAddress: number;
  shippingLine1: string;
  shippingLine2: string | null;
  /** Disputes the buyer opened, and refunds they received, in the last 90 days. */
  recentDisputesOrRefunds: number;
  /** Orders the buyer received and kept (completed) before. */
  completedOrders: number;
};

export type RiskSignal = { kind: string; score: number; message: string };

// Parcel forwarders that re-ship abroad: where goods bought with stolen cards often go.
export const FORWARDER =
  /\b(shipito|myus|stackry|planet express|borderlinx|forward2me|shipwire|reship|parcel forward|package forward|freight forward|mail ?forward)/i;

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export function checkoutRiskSignals(f: CheckoutRiskFacts): RiskSignal[] {
  const signals: RiskSignal[] = [];
  if (f.accountAgeHours < 24 && f.totalCents >= 50_000)
    signals.push({
      kind: "checkout.new_account_high_value",
      score: 60,
      message: `Account under a day old paying ${dollars(f.totalCents)}`,
    });
  else if (f.accountAgeHours < 24 && f.totalCents >= 20_000)
    signals.push({
      kind: "checkout.new_account_high_value",
      score: 35,
      message: `Account under a day old paying ${dollars(f.totalCents)}`,
    });
  if (f.checkoutsLastHour >= 5)
    signals.push({
      kind: "checkout.velocity",
      score: 50,
      message: `${f.checkoutsLastHour} checkouts in the last hour`,
    });
  else if (f.checkoutsLastHour >= 3)
    signals.push({
      kind: "checkout.velocity",
      score: 25,
      message: `${f.checkoutsLastHour} checkouts in the last hour`,
    });
  if (f.failedPaymentsLast24h >= 3)
    signals.push({
      kind: "checkout.card_testing",
      score: 45,
      message: `${f.failedPaymentsLast24h} failed payments in the last 24 hours`,
    });
  if ((f.failedCardsLast24h ?? 0) >= CARD_TESTING_CARDS)
    signals.push({
      kind: "checkout.card_testing_cards",
      score: 75,
      message: `${f.failedCardsLast24h} different cards declined in the last 24 hours`,
    });
  if (f.otherAccountsAtAddress >= 2)
    signals.push({
      kind: "checkout.shared_address",
      score: 55,
      message: `${f.otherAccountsAtAddress} other accounts ship to this address`,
    });
  if (FORWARDER.test(`${f.shippingLine1} ${f.shippingLine2 ?? ""}`))
    signals.push({ kind: "checkout.reshipper", score: 45, message: "Ships to a parcel forwarder" });
  if (f.recentDisputesOrRefunds >= 2)
    signals.push({
      kind: "checkout.dispute_history",
      score: 40,
      message: `${f.recentDisputesOrRefunds} disputes or refunds in 90 days`,
    });
  return signals;
}

/** The checkout's risk, 0..100, from its signals and the buyer's history. */
export function checkoutRiskScore(signals: RiskSignal[], completedOrders: number): number {
  const combined = 100 * (1 - signals.reduce((keep, s) => keep * (1 - Math.min(100, Math.max(0, s.score)) / 100), 1));
  const trust = Math.min(30, completedOrders * 10);
  return Math.max(0, Math.round(combined - trust));
}

/** Postal code and street as compared across accounts: case, spaces and punctuation ignored. */
export function addressKey(line1: string, postalCode: string): { line1: string; postal: string } {
  return {
    line1: line1
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim(),
    postal: postalCode.toUpperCase().replace(/\s+/g, ""),
  };
}
