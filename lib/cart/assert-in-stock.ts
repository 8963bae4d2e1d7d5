import { AppError } from "@/lib/errors/app-error";

/** Refuses a cart quantity the listing's stock can't cover, saying how many are left. */
export function assertInStock(p: { title: string; inventoryCount: number }, quantity: number) {
  if (p.inventoryCount === 0) throw new AppError("conflict", `"${p.title}" is sold out.`, { available: 0 });
  if (quantity > p.inventoryCount)
    throw new AppError("conflict", `Only ${p.inventoryCount} of "${p.title}" left.`, { available: p.inventoryCount });
}
