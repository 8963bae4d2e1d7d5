// A seeded simulator of honest and fraudulent payments: the bootstrap training set the model
// starts from before the platform has labelled outcomes of its own. The behaviours follow what
// card-fraud reports describe (stolen cards on new accounts with large first orders, card
// testing bursts, forwarders, account farms sharing devices and addresses, takeovers of old
// accounts, colluding new shops); honest buyers have their share of the same signals (a new
// account buying a laptop, a traveller's foreign IP, a family's shared address), so the classes
// overlap and no single rule separates them. Same seed, same data.
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

import type { PaymentRiskFacts } from "./payment-features";

export type LabelledPayment = { facts: PaymentRiskFacts; fraud: boolean; pattern: string };

type Rng = { uniform: () => number };

function rngFrom(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return { uniform: () => uniformFloat64(g) };
}

const COUNTRIES = ["US", "US", "US", "US", "GB", "DE", "FR", "CA", "AU", "NL"];

function sampler(rng: Rng) {
  const u = rng.uniform;
  const normal = () => {
    // Box–Muller; 1 - u() keeps log away from 0.
    return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  };
  return {
    chance: (p: number) => u() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)],
    int: (lo: number, hi: number) => lo + Math.floor(u() * (hi - lo + 1)),
    logNormal: (median: number, sigma: number) => median * Math.exp(sigma * normal()),
    /** Small counts: a geometric number of events with the given mean. */
    count: (mean: number) => {
      let n = 0;
      while (u() < mean / (1 + mean) && n < 50) n++;
      return n;
    },
  };
}

type S = ReturnType<typeof sampler>;

function honest(s: S): LabelledPayment {
  const newAccount = s.chance(0.15);
  const accountAgeHours = newAccount ? s.logNormal(6, 1.2) : s.logNormal(24 * 300, 1.1);
  const completedOrders = newAccount ? 0 : s.count(5);
  const buyerMedianCents = completedOrders > 0 ? Math.round(s.logNormal(4_500, 0.7)) : null;
  const amountCents = Math.max(
    100,
    Math.round(buyerMedianCents ? buyerMedianCents * s.logNormal(1, 0.6) : s.logNormal(8_000, 1)),
  );
  const home = s.pick(COUNTRIES);
  const travelling = s.chance(0.08);
  return {
    fraud: false,
    pattern: newAccount ? "honest_new" : "honest",
    facts: {
      accountAgeHours,
      amountCents,
      buyerMedianCents,
      completedOrders,
      checkoutsLastHour: 1 + (s.chance(0.1) ? s.int(1, 2) : 0),
      failedPaymentsLast24h: s.chance(0.1) ? s.int(1, 2) : s.chance(0.01) ? s.int(3, 4) : 0,
      cardCountry: home,
      ipCountry: travelling ? s.pick(COUNTRIES) : home,
      shippingCountry: s.chance(0.04) ? s.pick(COUNTRIES) : home,
      cardFunding: s.chance(0.03) ? "prepaid" : s.chance(0.5) ? "debit" : "credit",
      forwarderAddress: s.chance(0.01),
      otherAccountsAtAddress: s.chance(0.12) ? s.int(1, 2) : 0,
      linkedAccounts: s.chance(0.1) ? 1 : 0,
      linkedSuspended: s.chance(0.004) ? 1 : 0,
      recentDisputesOrRefunds: s.chance(0.06) ? 1 : s.chance(0.01) ? 2 : 0,
      sellerAgeDays: s.logNormal(400, 1),
      sellerDisputeRate: s.chance(0.9) ? s.logNormal(0.004, 0.6) : s.logNormal(0.02, 0.6),
    },
  };
}

function fraud(s: S): LabelledPayment {
  const base = honest(s).facts;
  const pattern = s.pick(["stolen_card", "stolen_card", "card_testing", "account_farm", "takeover", "collusion"]);
  const foreignCard = s.pick(COUNTRIES.filter((c) => c !== base.shippingCountry));
  switch (pattern) {
    case "stolen_card":
      return {
        fraud: true,
        pattern,
        facts: {
          ...base,
          accountAgeHours: s.logNormal(12, 2),
          completedOrders: s.chance(0.2) ? s.count(0.5) : 0,
          buyerMedianCents: null,
          amountCents: Math.round(s.logNormal(14_000, 1)),
          checkoutsLastHour: 1 + s.count(0.8),
          cardCountry: s.chance(0.4) ? foreignCard : base.cardCountry,
          ipCountry: s.chance(0.5) ? s.pick(COUNTRIES) : base.ipCountry,
          cardFunding: s.chance(0.2) ? "prepaid" : base.cardFunding,
          forwarderAddress: s.chance(0.2),
          linkedAccounts: s.chance(0.25) ? s.int(1, 4) : 0,
        },
      };
    case "card_testing":
      return {
        fraud: true,
        pattern,
        facts: {
          ...base,
          accountAgeHours: s.logNormal(2, 1.5),
          completedOrders: 0,
          buyerMedianCents: null,
          amountCents: Math.round(s.logNormal(800, 0.8)),
          checkoutsLastHour: s.int(2, 10),
          failedPaymentsLast24h: s.int(3, 25),
          cardCountry: s.chance(0.5) ? foreignCard : base.cardCountry,
          cardFunding: s.chance(0.35) ? "prepaid" : base.cardFunding,
        },
      };
    case "account_farm":
      return {
        fraud: true,
        pattern,
        facts: {
          ...base,
          accountAgeHours: s.logNormal(48, 1.5),
          completedOrders: s.count(0.3),
          buyerMedianCents: null,
          amountCents: Math.round(s.logNormal(9_000, 0.8)),
          otherAccountsAtAddress: s.int(1, 8),
          linkedAccounts: s.int(1, 10),
          linkedSuspended: s.chance(0.45) ? s.int(1, 3) : 0,
          forwarderAddress: s.chance(0.2),
        },
      };
    case "takeover":
      // An old account in someone else's hands: the history is real, the behaviour is not.
      return {
        fraud: true,
        pattern,
        facts: {
          ...base,
          amountCents: Math.round((base.buyerMedianCents ?? 5_000) * s.logNormal(3, 0.8)),
          ipCountry: s.chance(0.6) ? s.pick(COUNTRIES) : base.ipCountry,
          shippingCountry: s.chance(0.4) ? s.pick(COUNTRIES) : base.shippingCountry,
          forwarderAddress: s.chance(0.25),
          checkoutsLastHour: 1 + s.count(0.6),
        },
      };
    default:
      // A new shop selling to its own accounts with stolen cards, to cash out.
      return {
        fraud: true,
        pattern,
        facts: {
          ...base,
          accountAgeHours: s.logNormal(24, 1.5),
          completedOrders: s.count(0.5),
          buyerMedianCents: null,
          amountCents: Math.round(s.logNormal(15_000, 0.7)),
          sellerAgeDays: s.logNormal(30, 1.2),
          sellerDisputeRate: s.logNormal(0.06, 0.8),
          linkedAccounts: s.chance(0.5) ? s.int(1, 3) : 0,
        },
      };
  }
}

/** `n` payments, a `fraudRate` share of them fraudulent, the same for the same seed. */
export function simulatePayments(n: number, opts: { seed: number; fraudRate?: number }): LabelledPayment[] {
  const s = sampler(rngFrom(opts.seed));
  const rate = opts.fraudRate ?? 0.1;
  return Array.from({ length: n }, () => (s.chance(rate) ? fraud(s) : honest(s)));
}
