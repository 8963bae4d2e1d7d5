// The address book's input schema, shared by the checkout form, the REST route and returns.
import { z } from "zod";

export const ZAddress = z
  .object({
    fullName: z
      .string()
      .trim()
      .min(2, "Enter the recipient's full name.")
      .max(100, "Name must be at most 100 characters."),
    line1: z.string().trim().min(3, "Enter the street address.").max(200, "Address must be at most 200 characters."),
    line2: z
      .string()
      .trim()
      .max(200, "Address must be at most 200 characters.")
      .optional()
      .transform((v) => v || undefined),
    city: z.string().trim().min(1, "Enter the city.").max(100, "City must be at most 100 characters."),
    region: z
      .string()
      .trim()
      .max(100, "Region must be at most 100 characters.")
      .optional()
      .transform((v) => v || undefined),
    postalCode: z
      .string()
      .trim()
      .min(2, "Enter the postal code.")
      .max(20, "Postal code must be at most 20 characters.")
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "Postal code may use letters, digits, spaces and hyphens."),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Choose a country."),
    phone: z
      .string()
      .trim()
      .max(30, "Phone must be at most 30 characters.")
      .regex(/^[+0-9 ()-]*$/, "Phone may use digits, spaces, +, ( ) and -.")
      .optional()
      .transform((v) => v || undefined),
    isDefault: z.boolean().optional(),
  })
  .meta({ id: "Address", title: "Address" });

export type AddressRecord = z.infer<typeof ZAddress> & { id: string; isDefault: boolean };
