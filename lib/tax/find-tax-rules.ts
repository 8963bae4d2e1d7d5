import "server-only";

import { db } from "@/lib/db/client";

import type { TaxRuleForQuote } from "./rules-tax-engine";

/** Every rule of a country (all regions, categories and dates): the engine picks among them. */
export async function findTaxRules(country: string): Promise<TaxRuleForQuote[]> {
  return db().taxRule.findMany({
    where: { country: country.toUpperCase() },
    select: {
      country: true,
      region: true,
      category: true,
      rateBps: true,
      inclusive: true,
      label: true,
      validFrom: true,
      validTo: true,
    },
  });
}
