"use client";

import { useEffect, useState } from "react";

import { AddToCart } from "@/components/cart/add-to-cart";
import { inventoryStatus, type InventoryStatus } from "@/lib/catalog/inventory-status";

import { StockStatus } from "./stock-status";

/**
 * Stock and "Add to cart" on a cached product page: shows the stock the page was rendered
 * with, then the current count from the API, so a cached page never offers what is gone.
 */
export function LiveStock({
  productId,
  count,
  status,
  lowStockThreshold,
}: {
  productId: string;
  count: number;
  status: InventoryStatus;
  lowStockThreshold: number;
}) {
  const [live, setLive] = useState<{ count: number; status: InventoryStatus } | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    fetch(`/api/v1/products/${productId}/stock`, { signal: ctrl.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ inventory_count: number }>) : null))
      .then((b) => {
        if (b) setLive({ count: b.inventory_count, status: inventoryStatus(b.inventory_count, lowStockThreshold) });
      })
      .catch(() => {});
    return () => ctrl.abort();
  }, [productId, lowStockThreshold]);
  const shown = live ?? { count, status };
  return (
    <div data-stock={live ? "live" : "cached"} className="space-y-5">
      <StockStatus status={shown.status} count={shown.count} />
      <AddToCart key={shown.count} productId={productId} maxQuantity={shown.count} />
    </div>
  );
}
