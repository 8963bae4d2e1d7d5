import type { CartView } from "./build-cart-view";

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
