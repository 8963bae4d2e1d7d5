/** How many units an order's lines hold (2 × a mug and 1 × a lamp is 3). */
export function countOrderUnits(items: readonly { quantity: number }[]): number {
  return items.reduce((n, i) => n + i.quantity, 0);
}

/**
 * One line naming an order's items with their quantities for a list: "2 × Mug", "2 × Mug,
 * 1 × Lamp", and past `shown` lines "… and 3 more items" (units, not lines, as the buyer counts).
 */
export function describeOrderItems(items: readonly { titleSnapshot: string; quantity: number }[], shown = 2): string {
  const head = items
    .slice(0, shown)
    .map((i) => `${i.quantity} × ${i.titleSnapshot}`)
    .join(", ");
  const rest = countOrderUnits(items.slice(shown));
  return rest > 0 ? `${head} and ${rest} more ${rest === 1 ? "item" : "items"}` : head;
}
