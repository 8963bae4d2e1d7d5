// The address book's input schema, shared by the checkout form, the REST route and returns.
import { z } from "zod";

import { zText } from "@/lib/errors/input-primitives";

const optional = (s: z.ZodString) => s.optional().transform((v) => v || undefined);

export const ZAddress = z
  .object({
    fullName: zText({
      what: "Name",
      min: 2,
      max: 100,
      required: "Enter the recipient's full name.",
    }),
    line1: zText({ what: "Address", min: 3, max: 200, required: "Enter the street address." }),
    line2: optional(zText({ what: "Address", max: 200 })),
    city: zText({ what: "City", min: 1, max: 100, required: "Enter the city." }),
    region: optional(zText({ what: "Region", max: 100 })),
    postalCode: zText({ what: "Postal code", min: 2, max: 20, required: "Enter the postal code." }).regex(
      /^[A-Za-z0-9][A-Za-z0-9 -]*$/,
      "Postal code may use letters, digits, spaces and hyphens.",
    ),
    country: zText({ what: "Country", max: 2, required: "Choose a country.", tooLong: "Choose a country." })
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Choose a country."),
    phone: optional(
      zText({ what: "Phone", max: 30 }).regex(/^[+0-9 ()-]*$/, "Phone may use digits, spaces, +, ( ) and -."),
    ),
    isDefault: z.boolean().optional(),
  })
  .meta({ id: "Address", title: "Address" });

export type AddressRecord = z.infer<typeof ZAddress> & { id: string; isDefault: boolean };
