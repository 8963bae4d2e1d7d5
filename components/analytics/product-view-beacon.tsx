"use client";

// Reports a product view with navigator.sendBeacon once the page is shown. From the browser
// because signed-out visitors get the product page from the page cache, where no server code
// runs per view; the beacon is fire-and-forget and never delays the page.
import { useEffect } from "react";

export function ProductViewBeacon({ productId }: { productId: string }) {
  useEffect(() => {
    if (typeof navigator.sendBeacon !== "function") return;
    const body = JSON.stringify({ product_id: productId });
    navigator.sendBeacon("/api/v1/analytics/events", new Blob([body], { type: "application/json" }));
  }, [productId]);
  return null;
}
