import { z } from "zod";

import { MAX_LINE_QUANTITY } from "./cart-store";

export const ZCartLineInput = z.object({
  productId: z.uuid("Unknown product."),
  quantity: z.coerce
    .number({ error: "Quantity must be a number." })
    .int("Quantity must be a whole number.")
    .min(0, "Quantity cannot be negative.")
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one item.`),
});
