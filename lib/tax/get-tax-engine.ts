import "server-only";

import { findTaxRules } from "./find-tax-rules";
import { rulesTaxEngine } from "./rules-tax-engine";
import type { TaxEngine } from "./tax-engine";

/**
 * The tax engine for a buyer's country: the built-in rules engine over that country's rules.
 * This is where configuration would choose Stripe Tax instead (see tax-engine.ts).
 */
export async function getTaxEngine(country: string): Promise<TaxEngine> {
  return rulesTaxEngine(await findTaxRules(country));
}
