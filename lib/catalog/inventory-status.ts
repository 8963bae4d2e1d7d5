export type InventoryStatus = "in_stock" | "low_stock" | "sold_out";

/** How a stock count is shown to buyers: sold out, "only N left" at or under the threshold, or in stock. */
export function inventoryStatus(count: number, lowThreshold: number): InventoryStatus {
  if (count <= 0) return "sold_out";
  return count <= lowThreshold ? "low_stock" : "in_stock";
}
