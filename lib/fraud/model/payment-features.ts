// What the payment-risk model sees of a payment: the facts gathered before capture, and the
// documented features computed from them. Each feature says in words what it measured, so a
// score's top contributions can be shown to the admin who decides a held payment.

export type PaymentRiskFacts = {
  accountAgeHours: number;
  /** The payment's amount, in cents of its currency (features read it in dollars-equivalent units). */
  amountCents: number;
  /** The median of the buyer's earlier paid checkouts, or null with none. */
  buyerMedianCents: number | null;
  /** Orders the buyer received and kept before. */
  completedOrders: number;
  /** Checkouts the buyer placed in the last hour, this one included. */
  checkoutsLastHour: number;
  /** Declined or failed payment attempts by the buyer in the last 24 hours. */
  failedPaymentsLast24h: number;
  /** ISO country codes; null when not known (no IP country without a geo database, say). */
  cardCountry: string | null;
  ipCountry: string | null;
  shippingCountry: string;
  /** The card's funding type as Stripe reports it. */
  cardFunding: "credit" | "debit" | "prepaid" | "unknown";
  /** The shipping address is a known parcel forwarder. */
  forwarderAddress: boolean;
  /** Other accounts shipping to the same street address. */
  otherAccountsAtAddress: number;
  /** Accounts linked to the buyer by a shared device, card or payout account. */
  linkedAccounts: number;
  /** How many of those are suspended. */
  linkedSuspended: number;
  /** Disputes opened and refunds received by the buyer in the last 90 days. */
  recentDisputesOrRefunds: number;
  /** The selling shop's age, and the share of its orders disputed (0..1); for several shops, the riskiest. */
  sellerAgeDays: number;
  sellerDisputeRate: number;
};

export type PaymentFeature = {
  name: string;
  /** What the feature measures, for the model's documentation. */
  description: string;
  value: (f: PaymentRiskFacts) => number;
  /** The fact behind the feature, in words, when it pushes a score up. */
  words: (f: PaymentRiskFacts) => string;
};

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ageWords = (hours: number) =>
  hours < 48
    ? `Account ${plural(Math.floor(hours), "hour")} old`
    : `Account ${plural(Math.floor(hours / 24), "day")} old`;
const mismatch = (a: string | null, b: string | null) => (a && b && a !== b ? 1 : 0);

export const PAYMENT_FEATURES: readonly PaymentFeature[] = [
  {
    name: "account_age",
    description: "log(1 + account age in days): new accounts carry most stolen-card payments",
    value: (f) => Math.log1p(f.accountAgeHours / 24),
    words: (f) => ageWords(f.accountAgeHours),
  },
  {
    name: "amount",
    description: "log(1 + amount in units of the currency)",
    value: (f) => Math.log1p(f.amountCents / 100),
    words: (f) => `Paying ${dollars(f.amountCents)}`,
  },
  {
    name: "amount_vs_history",
    description: "log of the amount over the buyer's median earlier payment (0 without history)",
    value: (f) => (f.buyerMedianCents ? Math.log((f.amountCents + 100) / (f.buyerMedianCents + 100)) : 0),
    words: (f) =>
      `Paying ${dollars(f.amountCents)}, ${(f.amountCents / Math.max(1, f.buyerMedianCents ?? 1)).toFixed(1)}× their usual ${dollars(f.buyerMedianCents ?? 0)}`,
  },
  {
    name: "no_history",
    description: "1 when the buyer has never kept an order",
    value: (f) => (f.completedOrders === 0 ? 1 : 0),
    words: () => "No order kept before",
  },
  {
    name: "completed_orders",
    description: "log(1 + orders the buyer kept)",
    value: (f) => Math.log1p(f.completedOrders),
    words: (f) => `${plural(f.completedOrders, "order")} kept before`,
  },
  {
    name: "velocity",
    description: "checkouts by the buyer in the last hour",
    value: (f) => Math.min(20, f.checkoutsLastHour),
    words: (f) => `${plural(f.checkoutsLastHour, "checkout")} in the last hour`,
  },
  {
    name: "failed_payments",
    description: "log(1 + failed payment attempts in 24 hours): card testing tries many cards",
    value: (f) => Math.log1p(f.failedPaymentsLast24h),
    words: (f) => `${plural(f.failedPaymentsLast24h, "failed payment")} in the last 24 hours`,
  },
  {
    name: "card_ip_country_mismatch",
    description: "1 when the card's country differs from the country of the buyer's IP address",
    value: (f) => mismatch(f.cardCountry, f.ipCountry),
    words: (f) => `Card from ${f.cardCountry}, connecting from ${f.ipCountry}`,
  },
  {
    name: "card_shipping_country_mismatch",
    description: "1 when the card's country differs from the shipping country",
    value: (f) => mismatch(f.cardCountry, f.shippingCountry),
    words: (f) => `Card from ${f.cardCountry}, shipping to ${f.shippingCountry}`,
  },
  {
    name: "prepaid_card",
    description: "1 for a prepaid card",
    value: (f) => (f.cardFunding === "prepaid" ? 1 : 0),
    words: () => "Prepaid card",
  },
  {
    name: "forwarder_address",
    description: "1 when the shipping address is a parcel forwarder",
    value: (f) => (f.forwarderAddress ? 1 : 0),
    words: () => "Ships to a parcel forwarder",
  },
  {
    name: "shared_address",
    description: "log(1 + other accounts shipping to the same street address)",
    value: (f) => Math.log1p(f.otherAccountsAtAddress),
    words: (f) => `${plural(f.otherAccountsAtAddress, "other account")} ship to this address`,
  },
  {
    name: "linked_accounts",
    description: "log(1 + accounts sharing a device, card or payout account with the buyer)",
    value: (f) => Math.log1p(f.linkedAccounts),
    words: (f) => `Linked to ${plural(f.linkedAccounts, "other account")} by device or card`,
  },
  {
    name: "linked_suspended",
    description: "1 when a linked account is suspended",
    value: (f) => (f.linkedSuspended > 0 ? 1 : 0),
    words: (f) => `Linked to ${plural(f.linkedSuspended, "suspended account")}`,
  },
  {
    name: "dispute_history",
    description: "log(1 + disputes and refunds in 90 days)",
    value: (f) => Math.log1p(f.recentDisputesOrRefunds),
    words: (f) => `${plural(f.recentDisputesOrRefunds, "dispute or refund", "disputes or refunds")} in 90 days`,
  },
  {
    name: "seller_age",
    description: "log(1 + the selling shop's age in days)",
    value: (f) => Math.log1p(f.sellerAgeDays),
    words: (f) => `Shop ${plural(Math.floor(f.sellerAgeDays), "day")} old`,
  },
  {
    name: "seller_dispute_rate",
    description: "share of the shop's orders disputed, in percent",
    value: (f) => Math.min(100, f.sellerDisputeRate * 100),
    words: (f) => `${(f.sellerDisputeRate * 100).toFixed(1)}% of the shop's orders disputed`,
  },
];

export function featureVector(f: PaymentRiskFacts): number[] {
  return PAYMENT_FEATURES.map((feat) => feat.value(f));
}
