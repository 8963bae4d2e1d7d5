import { describe, expect, it } from "vitest";

import { pageNonceMatcher } from "./page-nonce-matcher";

// The shape of a build's manifests, cut down to what the matcher reads.
const route = (page: string, regex: string) => ({ page, regex });
const matches = pageNonceMatcher(
  {
    staticRoutes: [
      route("/", "^/(?:/)?$"),
      route("/_not-found", "^/_not\\-found(?:/)?$"),
      route("/anon/home", "^/anon/home(?:/)?$"),
      route("/forgot-password", "^/forgot\\-password(?:/)?$"),
      route("/sign-in", "^/sign\\-in(?:/)?$"),
      route("/admin/listings/new", "^/admin/listings/new(?:/)?$"),
    ],
    dynamicRoutes: [
      route("/admin/listings/[productId]", "^/admin/listings/([^/]+?)(?:/)?$"),
      route("/anon/products/[productId]", "^/anon/products/([^/]+?)(?:/)?$"),
      route("/products/[productId]", "^/products/([^/]+?)(?:/)?$"),
    ],
  },
  {
    routes: {
      "/_not-found": { srcRoute: "/_not-found" },
      "/anon/home": { srcRoute: "/anon/home" },
      "/forgot-password": { srcRoute: "/forgot-password" },
      "/admin/listings/new": { srcRoute: "/admin/listings/new" },
      "/anon/products/0f0e": { srcRoute: "/anon/products/[productId]" },
    },
    dynamicRoutes: { "/anon/products/[productId]": {} },
  },
);

describe("pageNonceMatcher", () => {
  it("pages rendered per request get a nonce", () => {
    for (const path of ["/", "/sign-in", "/sign-in/", "/products/abc", "/admin/listings/abc"])
      expect(matches(path), path).toBe(true);
  });

  it("pages rendered once and kept get none: prerendered, ISR and their generated paths", () => {
    for (const path of ["/forgot-password", "/anon/home", "/anon/products/0f0e", "/anon/products/other", "/_not-found"])
      expect(matches(path), path).toBe(false);
  });

  it("a static route wins over a dynamic one, as in Next", () => {
    expect(matches("/admin/listings/new")).toBe(false);
  });

  it("an unknown address, answered by the prerendered 404 page, gets none", () => {
    for (const path of ["/no-such-page", "/admin/nope", "/products/a/b"]) expect(matches(path), path).toBe(false);
  });
});
