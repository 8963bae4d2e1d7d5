import { z } from "zod";

import { zId, zQuantity } from "@/lib/errors/input-primitives";

import { MAX_LINE_QUANTITY } from "./cart-store";

const quantity = (min: number) =>
  zQuantity({
    what: "Quantity",
    min,
    max: MAX_LINE_QUANTITY,
    tooSmall: min > 0 ? "Quantity must be at least 1." : "Quantity cannot be negative.",
    tooLarge: `At most ${MAX_LINE_QUANTITY} of one item.`,
  });

/** Setting a line's quantity: 0 removes it (only an explicit 0: null, false and "" are refused). */
export const ZCartLineInput = z
  .object({ productId: zId("Unknown product."), variantId: zId("Unknown option.").nullish(), quantity: quantity(0) })
  .meta({ id: "CartLine", title: "Cart item" });

/** Adding to the cart: at least one. */
export const ZAddToCart = z
  .object({ productId: zId("Unknown product."), variantId: zId("Unknown option.").nullish(), quantity: quantity(1) })
  .meta({ id: "AddToCart", title: "Cart item" });
