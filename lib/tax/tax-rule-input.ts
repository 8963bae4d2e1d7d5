import countries from "i18n-iso-countries";
import { z } from "zod";

import { zText } from "@/lib/errors/input-primitives";

const ZDay = z.iso.date("Give the date as YYYY-MM-DD.");

/**
 * A rate as an admin types it, in percent with at most two decimals ("19", "7.25"), as basis
 * points (1900, 725). Parsed from the digits, never through a float, so 8.1 is exactly 810.
 */
export const zRatePercent = z
  .string({ error: "Enter the rate in percent, like 19 or 7.25." })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "Enter the rate in percent, like 19 or 7.25 (at most two decimals, not negative).")
  .transform((v) => {
    const [whole, frac = ""] = v.split(".");
    return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  })
  .refine((bps) => bps <= 10_000, "A tax rate cannot be more than 100%.");

/** Blank form fields mean "none" (a country-wide rule, or one for every category). */
const blankIsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** A new tax rule as the admin console sends it (lib/tax/add-tax-rule.ts checks it against the table). */
export const TaxRuleInput = z
  .object({
    country: z
      .string({ error: "Enter the country as a two-letter code, like DE." })
      .trim()
      .toUpperCase()
      .refine((c) => /^[A-Z]{2}$/.test(c), "Enter the country as a two-letter code, like DE.")
      .refine(
        (c) => !/^[A-Z]{2}$/.test(c) || countries.isValid(c),
        "That is not a country code (ISO 3166, like DE for Germany).",
      ),
    region: z.preprocess(
      blankIsNull,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{1,3}$/, "Enter the region as its code, like NY or BY (letters and digits, at most 3).")
        .nullable()
        .default(null),
    ),
    category: z.preprocess(
      blankIsNull,
      z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{1,100}$/, "Choose a category from the list.")
        .nullable()
        .default(null),
    ),
    ratePercent: zRatePercent,
    inclusive: z.boolean({ error: "Say whether the tax is included in prices or added to them." }),
    label: zText({ what: "The tax's name", min: 1, max: 20, required: "Name the tax as buyers see it, like VAT." }),
    validFrom: ZDay,
  })
  .meta({ title: "Tax rule" });
export type TTaxRuleInput = z.input<typeof TaxRuleInput>;

export const EndTaxRuleInput = z.object({ validTo: ZDay }).meta({ title: "End of a tax rule" });
