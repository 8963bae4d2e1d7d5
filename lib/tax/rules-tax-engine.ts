import { lineTaxCents } from "./line-tax";
import { NO_TAX, type LineTax, type TaxEngine, type TaxQuote, type TaxQuoteInput } from "./tax-engine";

/** A tax_rules row as the engine reads it. */
export type TaxRuleForQuote = {
  country: string;
  region: string | null;
  category: string | null;
  rateBps: number;
  inclusive: boolean;
  label: string;
  validFrom: Date;
  validTo: Date | null;
};

/** YYYY-MM-DD of a moment, in UTC: rules are valid from and to whole days. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The rule that applies to one category at an address on a day: valid that day, in the buyer's
 * country, the region's own rule before the country's, the category's own rule before the
 * default (category null). Null where none is configured: then nothing is taxed.
 */
export function pickTaxRule(
  rules: TaxRuleForQuote[],
  address: { country: string; region?: string | null },
  category: string | null,
  at: Date,
): TaxRuleForQuote | null {
  const today = day(at);
  const region = address.region?.trim().toUpperCase() || null;
  const live = rules.filter(
    (r) =>
      r.country === address.country.toUpperCase() &&
      (r.region === null || r.region === region) &&
      (r.category === null || r.category === category) &&
      day(r.validFrom) <= today &&
      (r.validTo === null || day(r.validTo) > today),
  );
  const score = (r: TaxRuleForQuote) => (r.region ? 2 : 0) + (r.category ? 1 : 0);
  return live.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/**
 * Quotes tax from a set of rules (those of the buyer's country, as findTaxRules reads them):
 * each line at its category's rule, shipping at the jurisdiction's default rule (the rule for
 * no particular category), each rounded on its own.
 */
export function quoteTaxFromRules(rules: TaxRuleForQuote[], input: TaxQuoteInput): TaxQuote {
  const at = input.at ?? new Date();
  const taxed = (amountCents: number, rule: TaxRuleForQuote | null): LineTax =>
    rule
      ? {
          rateBps: rule.rateBps,
          inclusive: rule.inclusive,
          taxCents: lineTaxCents(amountCents, rule.rateBps, rule.inclusive),
        }
      : NO_TAX;
  const lineRules = input.lines.map((l) => pickTaxRule(rules, input.buyerAddress, l.category, at));
  const shippingRule = input.shipping ? pickTaxRule(rules, input.buyerAddress, null, at) : null;
  const any = [...lineRules, shippingRule].find((r) => r !== null) ?? null;
  return {
    jurisdiction: any ? (any.region ? `${any.country}-${any.region}` : any.country) : null,
    label: any?.label ?? null,
    lines: input.lines.map((l, i) => taxed(l.amountCents, lineRules[i])),
    shipping: input.shipping ? taxed(input.shipping.amountCents, shippingRule) : null,
  };
}

/** The built-in engine over rules already read (one read per checkout or cart, not per shop). */
export function rulesTaxEngine(rules: TaxRuleForQuote[]): TaxEngine {
  return { quote: async (input) => quoteTaxFromRules(rules, input) };
}
