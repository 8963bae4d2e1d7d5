import type { CartLine } from "@/lib/cart/cart-store";
import { AppError } from "@/lib/errors/app-error";
import { commissionCents } from "@/lib/money/commission-cents";
import { effectiveBps } from "@/lib/money/effective-bps";

/** What pricing needs to know about each product in the cart, as read at checkout. */
export type ProductForPricing = {
  id: string;
  title: string;
  priceCents: number;
  currency: string;
  status: string;
  sellerId: string;
  seller: { status: string };
  category: { commissionBps: number | null };
};

export type PricedItem = { productId: string; title: string; quantity: number; unitPriceCents: number };

export type PricedOrder = {
  sellerId: string;
  subtotalCents: number;
  platformFeeCents: number;
  commissionBps: number;
  items: PricedItem[];
};

export type PricedCheckout = { currency: string; totalCents: number; orders: PricedOrder[] };

/**
 * Prices a cart at today's prices: one order per seller (sorted by seller id), each with its
 * subtotal and the platform's commission (each line at its category's rate, else the default).
 * Refuses a line whose product or shop is no longer active, and a cart mixing currencies.
 */
export function priceLines(lines: CartLine[], products: ProductForPricing[], defaultBps: number): PricedCheckout {
  const byId = new Map(products.map((p) => [p.id, p]));
  const priced = lines.map((line) => {
    const p = byId.get(line.productId);
    if (!p || p.status !== "active" || p.seller.status !== "active")
      throw new AppError("conflict", `"${p?.title ?? "An item"}" is no longer available. Remove it from your cart.`, {
        productId: line.productId,
      });
    return { line, product: p };
  });
  const currencies = new Set(products.map((p) => p.currency));
  if (currencies.size !== 1)
    throw new AppError("unprocessable", "Your cart mixes currencies; check out one currency at a time.");
  const currency = [...currencies][0];

  const bySeller = new Map<string, typeof priced>();
  for (const entry of priced)
    bySeller.set(entry.product.sellerId, [...(bySeller.get(entry.product.sellerId) ?? []), entry]);

  const orders = [...bySeller.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sellerId, entries]): PricedOrder => {
      const subtotalCents = entries.reduce((s, e) => s + e.line.quantity * e.product.priceCents, 0);
      const platformFeeCents = commissionCents(
        entries.map((e) => ({
          amountCents: e.line.quantity * e.product.priceCents,
          bps: e.product.category.commissionBps ?? defaultBps,
        })),
      );
      return {
        sellerId,
        subtotalCents,
        platformFeeCents,
        commissionBps: effectiveBps(subtotalCents, platformFeeCents),
        items: entries.map((e) => ({
          productId: e.line.productId,
          title: e.product.title,
          quantity: e.line.quantity,
          unitPriceCents: e.product.priceCents,
        })),
      };
    });
  const totalCents = orders.reduce((s, o) => s + o.subtotalCents, 0);
  return { currency, totalCents, orders };
}
