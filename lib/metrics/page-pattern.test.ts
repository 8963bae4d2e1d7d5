import { describe, expect, it } from "vitest";

import { pagePattern } from "./page-pattern";

// The shape of a real build's manifests (a few entries of this app's).
const manifests = {
  routes: {
    staticRoutes: [{ page: "/" }, { page: "/cart" }, { page: "/api/health" }],
    dynamicRoutes: [
      { page: "/products/[productId]/reviews", regex: "^/products/([^/]+?)/reviews(?:/)?$" },
      { page: "/products/[productId]", regex: "^/products/([^/]+?)(?:/)?$" },
      { page: "/api/v1/products/[productId]", regex: "^/api/v1/products/([^/]+?)(?:/)?$" },
      { page: "/c/[...slug]", regex: "^/c/(.+?)(?:/)?$" },
    ],
  },
  appPaths: {
    "/(storefront)/page": "/",
    "/(storefront)/cart/page": "/cart",
    "/(storefront)/products/[productId]/page": "/products/[productId]",
    "/(storefront)/products/[productId]/reviews/page": "/products/[productId]/reviews",
    "/(storefront)/c/[...slug]/page": "/c/[...slug]",
    "/api/health/route": "/api/health",
    "/api/v1/products/[productId]/route": "/api/v1/products/[productId]",
  },
};

describe("pagePattern", () => {
  const pageOf = pagePattern(manifests);
  it("names the page a path renders by its pattern, never the raw URL", () => {
    expect(pageOf("/")).toBe("/");
    expect(pageOf("/cart")).toBe("/cart");
    expect(pageOf("/cart/")).toBe("/cart");
    expect(pageOf("/products/0b6f6a8e-2a4e-4f0e-9a57-4c1d1d7a3b10")).toBe("/products/[productId]");
    expect(pageOf("/products/abc/reviews")).toBe("/products/[productId]/reviews");
    expect(pageOf("/c/home/kitchen")).toBe("/c/[...slug]");
  });

  it("is null for route handlers (apiRoute measures those) and for paths no page answers", () => {
    expect(pageOf("/api/health")).toBeNull();
    expect(pageOf("/api/v1/products/abc")).toBeNull();
    expect(pageOf("/_next/static/chunks/main.js")).toBeNull();
    expect(pageOf("/nowhere")).toBeNull();
  });
});
