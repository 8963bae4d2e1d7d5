import type { InventoryStatus } from "@/lib/catalog/inventory-status";

export function StockStatus({ status, count }: { status: InventoryStatus; count: number }) {
  if (status === "sold_out") return <p className="font-semibold text-red-700">Sold out</p>;
  if (status === "low_stock") return <p className="font-semibold text-amber-800">Only {count} left</p>;
  return <p className="font-semibold text-green-800">In stock</p>;
}
