/**
 * The one interface checkout, the cart and the order pages ask for tax through. The built-in
 * engine (rules-tax-engine.ts, rules from the tax_rules table) is the only one today. Stripe Tax
 * would plug in here as a second implementation of TaxEngine: quote() becomes a
 * `stripe.tax.calculations.create` call (the address, one line item per line with its tax code
 * from the category, shipping_cost for shipping) whose per-line `amount_tax` and
 * `tax_breakdown[].tax_rate_details.percentage_decimal` map onto LineTax, chosen where the
 * engine is built (get-tax-engine.ts) by configuration. Nothing else would change: orders store
 * each line's rate and amount whichever engine produced them.
 */
export type TaxAddress = { country: string; region?: string | null };

export type TaxQuoteInput = {
  buyerAddress: TaxAddress;
  /** category: the tax category (a top-level catalogue category's slug); amountCents: the line's price, quantity times unit. */
  lines: { category: string | null; amountCents: number; currency: string }[];
  shipping?: { amountCents: number; currency: string } | null;
  /** The day whose rules apply; today when absent. */
  at?: Date;
};

/** One line's tax. inclusive: taxCents is inside amountCents; otherwise it is added to it. */
export type LineTax = { rateBps: number; taxCents: number; inclusive: boolean };

export type TaxQuote = {
  /** "DE", "US-CA"; null where no rule applies (then every line is untaxed). */
  jurisdiction: string | null;
  /** What the tax is called where it applies ("VAT", "GST", "Sales tax"). */
  label: string | null;
  lines: LineTax[];
  shipping: LineTax | null;
};

export interface TaxEngine {
  quote(input: TaxQuoteInput): Promise<TaxQuote>;
}

export const NO_TAX: LineTax = { rateBps: 0, taxCents: 0, inclusive: false };
