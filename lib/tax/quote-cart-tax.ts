import "server-only";

import type { CartViewGroup } from "@/lib/cart/build-cart-view";
import { db } from "@/lib/db/client";
import type { ShopShippingQuote } from "@/lib/shipping/quote-shop-shipping";

import { getTaxEngine } from "./get-tax-engine";

export type ShopTax = { taxCents: number; inclusive: boolean; label: string | null; rates: number[] };

/**
 * Each cart shop's tax to the address the cart ships to (the buyer's choice, else their default,
 * else their newest), as checkout will
 * charge it: the same engine, each line and the shop's shipping rounded on their own. Null
 * without a signed-in buyer with an address (they see it at checkout).
 */
export async function quoteCartTax(
  userId: string | null,
  groups: CartViewGroup[],
  shipping: Map<string, ShopShippingQuote> | null,
  addressId?: string | null,
): Promise<Map<string, ShopTax> | null> {
  if (!userId) return null;
  const address = await db().address.findFirst({
    where: addressId ? { id: addressId, userId } : { userId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
    select: { country: true, region: true },
  });
  if (!address) return null;
  const lines = groups.flatMap((g) => g.lines.filter((l) => l.available && l.quantity > 0));
  const categories = new Map(
    (
      await db().product.findMany({
        where: { id: { in: lines.map((l) => l.productId) } },
        select: { id: true, category: { select: { path: true } } },
      })
    ).map((p) => [p.id, p.category.path.split("/")[0]]),
  );
  const engine = await getTaxEngine(address.country);
  const bySeller = new Map<string, ShopTax>();
  for (const g of groups) {
    const live = g.lines.filter((l) => l.available && l.quantity > 0);
    if (live.length === 0) continue;
    const ship = shipping?.get(g.sellerId);
    const q = await engine.quote({
      buyerAddress: address,
      lines: live.map((l) => ({
        category: categories.get(l.productId) ?? null,
        amountCents: l.lineTotalCents,
        currency: g.currency,
      })),
      shipping: ship?.ships ? { amountCents: ship.shippingCents, currency: g.currency } : null,
    });
    const all = [...q.lines, ...(q.shipping ? [q.shipping] : [])];
    const taxCents = all.reduce((s, t) => s + t.taxCents, 0);
    bySeller.set(g.sellerId, {
      taxCents,
      inclusive: taxCents > 0 && all.every((t) => t.inclusive || t.taxCents === 0),
      label: q.label,
      rates: q.lines.map((t) => t.rateBps),
    });
  }
  return bySeller;
}
