import { z } from "zod";

import { MAX_LINE_QUANTITY } from "./cart-store";

export const ZCartLineInput = z
  .object({
    productId: z.uuid("Unknown product."),
    quantity: z.coerce
      .number({ error: "Quantity must be a number." })
      .int("Quantity must be a whole number.")
      .min(0, "Quantity cannot be negative.")
      .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one item.`),
  })
  .meta({ id: "CartLine", title: "Cart item" });

/** Adding to the cart: at least one. */
export const ZAddToCart = ZCartLineInput.extend({
  quantity: ZCartLineInput.shape.quantity.pipe(z.number().min(1, "Quantity must be at least 1.")),
}).meta({ id: "AddToCart", title: "Cart item" });
