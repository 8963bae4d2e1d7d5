import countries from "i18n-iso-countries";
import { z } from "zod";

import { zCents, zWholeNumber } from "@/lib/errors/input-primitives";

const days = (what: string) => zWholeNumber({ what, min: 0, max: 90 });

/**
 * A destination zone as a seller enters it: countries as ISO codes separated by commas or
 * spaces ("DE, FR"), or "everywhere else"; rates in cents, never negative; day ranges in order.
 */
export const ShippingZoneInput = z
  .object({
    restOfWorld: z.boolean().default(false),
    countries: z
      .string({ error: "List the countries as two-letter codes, like DE, FR." })
      .default("")
      .transform((v) =>
        v
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((c) => c.toUpperCase()),
      )
      .refine((cs) => cs.every((c) => /^[A-Z]{2}$/.test(c)), "Countries must be two-letter codes, like DE, FR.")
      .superRefine((cs, ctx) => {
        const unknown = cs.filter((c) => /^[A-Z]{2}$/.test(c) && !countries.isValid(c));
        if (unknown.length > 0)
          ctx.addIssue({
            code: "custom",
            message: `${unknown.join(", ")} ${unknown.length === 1 ? "is not a country code" : "are not country codes"} (ISO 3166, like DE for Germany).`,
          });
      }),
    firstItemCents: zCents({ what: "The first item's rate", min: 0, max: 10_000_000 }),
    additionalItemCents: zCents({ what: "The rate for each additional item", min: 0, max: 10_000_000 }).default(0),
    freeOverCents: zCents({ what: "The free-shipping threshold", min: 0, max: 100_000_000 }).nullable().default(null),
    handlingDaysMin: days("Handling days (from)"),
    handlingDaysMax: days("Handling days (to)"),
    transitDaysMin: days("Transit days (from)"),
    transitDaysMax: days("Transit days (to)"),
  })
  .refine((z) => z.restOfWorld || z.countries.length > 0, {
    message: 'A zone needs at least one country, or choose "everywhere else".',
    path: ["countries"],
  })
  .refine((z) => z.handlingDaysMin <= z.handlingDaysMax, {
    message: "Handling days: the first number cannot be more than the second.",
    path: ["handlingDaysMax"],
  })
  .refine((z) => z.transitDaysMin <= z.transitDaysMax, {
    message: "Transit days: the first number cannot be more than the second.",
    path: ["transitDaysMax"],
  })
  .meta({ title: "Shipping zone" });
