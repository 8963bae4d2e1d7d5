import "server-only";

import { db } from "@/lib/db/client";

import { cartLineKey, type CartLine } from "./cart-store";

export type CartViewLine = {
  /** Unique within the cart (cartLineKey). */
  key: string;
  productId: string;
  variantId: string | null;
  /** "M / Blue"; null for a listing without variants. */
  variantLabel: string | null;
  title: string;
  imageKey: string | null;
  quantity: number;
  requestedQuantity: number;
  unitPriceCents: number;
  unitPriceCentsAdded: number;
  currency: string;
  lineTotalCents: number;
  inventoryCount: number;
  available: boolean;
  problems: string[];
};

export type CartViewGroup = {
  sellerId: string;
  shopName: string;
  currency: string;
  lines: CartViewLine[];
  subtotalCents: number;
};

export type CartView = {
  cartId: string;
  groups: CartViewGroup[];
  itemCount: number;
  totalCents: number;
  currency: string | null;
  hasProblems: boolean;
};

export async function buildCartView(cartKey: string, lines: CartLine[]): Promise<CartView> {
  const products = lines.length
    ? await db().product.findMany({
        where: { id: { in: lines.map((l) => l.productId) } },
        select: {
          id: true,
          title: true,
          priceCents: true,
          currency: true,
          inventoryCount: true,
          status: true,
          sellerId: true,
          seller: { select: { shopName: true, status: true } },
          variants: {
            where: { id: { in: lines.flatMap((l) => (l.variantId ? [l.variantId] : [])) } },
            select: { id: true, label: true, priceCents: true, inventoryCount: true },
          },
          _count: { select: { variants: true } },
          images: {
            orderBy: { position: "asc" },
            take: 1,
            select: { s3Key: true, upload: { select: { variants: true } } },
          },
        },
      })
    : [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const groups = new Map<string, CartViewGroup>();
  for (const line of [...lines].sort((a, b) => a.addedAt - b.addedAt)) {
    const product = byId.get(line.productId);
    if (!product) continue;
    // A variant's line is priced and stocked as the variant; one whose variant is gone (or a
    // plain line of a listing that now has variants) can no longer be bought as it is.
    const variant = line.variantId ? product.variants.find((v) => v.id === line.variantId) : undefined;
    const unitGone = line.variantId ? !variant : product._count.variants > 0;
    const p = variant
      ? { ...product, priceCents: variant.priceCents, inventoryCount: variant.inventoryCount }
      : product;
    const available = p.status === "active" && p.seller.status === "active" && !unitGone;
    const problems: string[] = [];
    if (!available) problems.push("This item is no longer available.");
    else if (p.inventoryCount === 0) problems.push("Sold out since you added it.");
    else if (line.quantity > p.inventoryCount) problems.push(`Only ${p.inventoryCount} left; we lowered the quantity.`);
    if (available && p.priceCents !== line.unitPriceCentsAdded) {
      problems.push(`Price ${p.priceCents > line.unitPriceCentsAdded ? "went up" : "went down"} since you added it.`);
    }
    const quantity = available ? Math.min(line.quantity, p.inventoryCount) : 0;
    const variants = (p.images[0]?.upload?.variants as { key: string }[] | undefined) ?? [];
    const group = groups.get(p.sellerId) ?? {
      sellerId: p.sellerId,
      shopName: p.seller.shopName,
      currency: p.currency,
      lines: [],
      subtotalCents: 0,
    };
    group.lines.push({
      key: cartLineKey(line),
      productId: p.id,
      variantId: line.variantId ?? null,
      variantLabel: variant?.label ?? null,
      title: p.title,
      imageKey: variants[0]?.key ?? p.images[0]?.s3Key ?? null,
      quantity,
      requestedQuantity: line.quantity,
      unitPriceCents: p.priceCents,
      unitPriceCentsAdded: line.unitPriceCentsAdded,
      currency: p.currency,
      lineTotalCents: quantity * p.priceCents,
      inventoryCount: p.inventoryCount,
      available: available && p.inventoryCount > 0,
      problems,
    });
    group.subtotalCents += quantity * p.priceCents;
    groups.set(p.sellerId, group);
  }
  const all = [...groups.values()];
  const currencies = new Set(all.map((g) => g.currency));
  return {
    cartId: cartKey,
    groups: all,
    itemCount: all.reduce((n, g) => n + g.lines.reduce((m, l) => m + l.quantity, 0), 0),
    totalCents: all.reduce((n, g) => n + g.subtotalCents, 0),
    currency: currencies.size === 1 ? [...currencies][0] : null,
    hasProblems: all.some((g) => g.lines.some((l) => l.problems.length > 0)),
  };
}
