import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";

import { MAX_CART_LINES, MAX_LINE_QUANTITY, type CartStore } from "./cart-store";

export const ZCartLineInput = z.object({
  productId: z.uuid("Unknown product."),
  quantity: z.coerce
    .number({ error: "Quantity must be a number." })
    .int("Quantity must be a whole number.")
    .min(0, "Quantity cannot be negative.")
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one item.`),
});

async function sellable(productId: string) {
  const p = await db().product.findUnique({
    where: { id: productId },
    select: {
      id: true,
      title: true,
      priceCents: true,
      inventoryCount: true,
      status: true,
      seller: { select: { status: true } },
    },
  });
  if (!p || p.status !== "active" || p.seller.status !== "active")
    throw new AppError("not_found", "This product is not available.");
  return p;
}

function checkStock(p: { title: string; inventoryCount: number }, quantity: number) {
  if (p.inventoryCount === 0) throw new AppError("conflict", `"${p.title}" is sold out.`, { available: 0 });
  if (quantity > p.inventoryCount)
    throw new AppError("conflict", `Only ${p.inventoryCount} of "${p.title}" left.`, { available: p.inventoryCount });
}

/** Adds to a line (or creates it); the total may not exceed stock or the per-item limit. */
export async function addToCart(store: CartStore, cartKey: string, input: unknown): Promise<void> {
  const parsed = ZCartLineInput.extend({
    quantity: ZCartLineInput.shape.quantity.pipe(z.number().min(1, "Quantity must be at least 1.")),
  }).safeParse(input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Cart item");
  const p = await sellable(parsed.data.productId);
  const lines = await store.lines(cartKey);
  const existing = lines.find((l) => l.productId === p.id);
  if (!existing && lines.length >= MAX_CART_LINES)
    throw new AppError("conflict", `A cart holds at most ${MAX_CART_LINES} different items.`);
  const quantity = (existing?.quantity ?? 0) + parsed.data.quantity;
  if (quantity > MAX_LINE_QUANTITY)
    throw new AppError("validation_failed", `At most ${MAX_LINE_QUANTITY} of one item.`);
  checkStock(p, quantity);
  await store.setLine(cartKey, { productId: p.id, quantity, unitPriceCentsAdded: p.priceCents });
}

/** Sets a line's quantity; 0 removes it. */
export async function setCartQuantity(store: CartStore, cartKey: string, input: unknown): Promise<void> {
  const parsed = ZCartLineInput.safeParse(input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Cart item");
  const lines = await store.lines(cartKey);
  if (!lines.some((l) => l.productId === parsed.data.productId))
    throw new AppError("not_found", "That item is not in your cart.");
  if (parsed.data.quantity === 0) return store.removeLine(cartKey, parsed.data.productId);
  const p = await sellable(parsed.data.productId);
  checkStock(p, parsed.data.quantity);
  await store.setLine(cartKey, { productId: p.id, quantity: parsed.data.quantity, unitPriceCentsAdded: p.priceCents });
}

export async function removeFromCart(store: CartStore, cartKey: string, productId: string): Promise<void> {
  await store.removeLine(cartKey, productId);
}

/** Moves a guest cart into the buyer's cart at sign-in: quantities add up, capped by stock. */
export async function mergeCarts(store: CartStore, fromKey: string, toKey: string): Promise<void> {
  const [from, to] = await Promise.all([store.lines(fromKey), store.lines(toKey)]);
  if (from.length === 0) return;
  const stock = new Map(
    (
      await db().product.findMany({
        where: { id: { in: from.map((l) => l.productId) }, status: "active" },
        select: { id: true, inventoryCount: true },
      })
    ).map((p) => [p.id, p.inventoryCount]),
  );
  for (const line of from) {
    const available = stock.get(line.productId);
    if (!available) continue;
    const current = to.find((l) => l.productId === line.productId)?.quantity ?? 0;
    const quantity = Math.min(current + line.quantity, available, MAX_LINE_QUANTITY);
    if (quantity > current)
      await store.setLine(toKey, {
        productId: line.productId,
        quantity,
        unitPriceCentsAdded: line.unitPriceCentsAdded,
      });
  }
  await store.clear(fromKey);
}
