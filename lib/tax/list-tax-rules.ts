import "server-only";

import { db } from "@/lib/db/client";

/**
 * The rules table for the admin console: every rule (ended ones too, which explain past orders),
 * by country, region, category and newest start first; `country` narrows it to one.
 */
export async function listTaxRules(opts: { country?: string } = {}) {
  return db().taxRule.findMany({
    where: opts.country ? { country: opts.country.toUpperCase() } : {},
    orderBy: [{ country: "asc" }, { region: "asc" }, { category: "asc" }, { validFrom: "desc" }],
    take: 1_000,
  });
}

/** Top-level categories: what a tax rule's category can be. */
export async function listTaxCategories() {
  return db().category.findMany({
    where: { parentId: null },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
}
