import { z } from "zod";

import type { CartView } from "./build-cart-view";
import { ZAddToCart, ZCartLineInput } from "./cart-input";

export function cartJson(v: CartView) {
  return {
    cart_id: v.cartId,
    item_count: v.itemCount,
    total: { amount_cents: v.totalCents, currency: v.currency },
    has_problems: v.hasProblems,
    sellers: v.groups.map((g) => ({
      seller_id: g.sellerId,
      shop_name: g.shopName,
      subtotal: { amount_cents: g.subtotalCents, currency: g.currency },
      items: g.lines.map((l) => ({
        product_id: l.productId,
        variant_id: l.variantId,
        variant: l.variantLabel,
        title: l.title,
        quantity: l.quantity,
        requested_quantity: l.requestedQuantity,
        unit_price: { amount_cents: l.unitPriceCents, currency: l.currency },
        unit_price_when_added: { amount_cents: l.unitPriceCentsAdded, currency: l.currency },
        in_stock: l.inventoryCount,
        available: l.available,
        problems: l.problems,
      })),
    })),
  };
}

/** POST /cart/items: a missing (or null) quantity adds one. */
export const ZAddToCartJson = z
  .object({
    product_id: ZAddToCart.shape.productId,
    variant_id: ZAddToCart.shape.variantId,
    quantity: ZAddToCart.shape.quantity.nullish(),
  })
  .meta({ id: "AddToCartRequest", title: "Cart item" })
  .transform((b) => ({ productId: b.product_id, variantId: b.variant_id ?? null, quantity: b.quantity ?? 1 }))
  .meta({ title: "Cart item" });

/** PATCH /cart/items/{productId}: 0 removes the line. */
export const ZCartQuantityJson = z
  .object({ quantity: ZCartLineInput.shape.quantity })
  .meta({ id: "CartQuantityRequest", title: "Cart item" });
