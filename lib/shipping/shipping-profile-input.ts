import { z } from "zod";

import { SUPPORTED_CURRENCIES } from "@/lib/catalog/product-input";
import { zText } from "@/lib/errors/input-primitives";

const name = zText({ what: "Name", min: 1, max: 80, required: "Give the profile a name, like Parcels." });

/** A new shipping profile: its name and the currency its rates are in (one the shop sells in). */
export const ShippingProfileInput = z
  .object({
    name,
    currency: z.enum(SUPPORTED_CURRENCIES, { error: `Currency must be one of ${SUPPORTED_CURRENCIES.join(", ")}.` }),
  })
  .meta({ title: "Shipping profile" });

export const RenameShippingProfileInput = z.object({ name }).meta({ title: "Shipping profile" });
