import { describe, expect, it } from "vitest";

import { routePattern } from "./route-pattern";

describe("routePattern", () => {
  it("puts each param's name where its value was", () => {
    expect(routePattern("/api/v1/products/abc-123", { productId: "abc-123" })).toBe("/api/v1/products/[productId]");
    expect(routePattern("/api/v1/orders/o1/returns/r1", { orderId: "o1", returnId: "r1" })).toBe(
      "/api/v1/orders/[orderId]/returns/[returnId]",
    );
    expect(routePattern("/api/v1/categories", {})).toBe("/api/v1/categories");
  });

  it("matches encoded segments, a value equal to a static segment, and catch-alls", () => {
    expect(routePattern("/api/v1/sellers/caf%C3%A9", { slug: "café" })).toBe("/api/v1/sellers/[slug]");
    expect(routePattern("/api/v1/orders/orders", { orderId: "orders" })).toBe("/api/v1/orders/[orderId]");
    expect(routePattern("/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] })).toBe(
      "/api/auth/[...nextauth]",
    );
  });
});
