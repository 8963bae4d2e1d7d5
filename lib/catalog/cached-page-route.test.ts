import { describe, expect, it } from "vitest";

import { cachedPagePath } from "./cached-page-route";

const ID = "0b7e8c52-2c8e-4d7a-9a43-6f1f3f2b9c10";
const req = (path: string, opts: { method?: string; cookies?: string[] } = {}) => {
  const url = new URL(path, "http://shop.test");
  return {
    method: opts.method ?? "GET",
    pathname: url.pathname,
    searchParams: url.searchParams,
    hasCookie: (n: string) => (opts.cookies ?? []).includes(n),
  };
};

describe("which pages come from the shared page cache", () => {
  it("the home page, for signed-out visitors without a cart and without a query", () => {
    expect(cachedPagePath(req("/"))).toBe("/anon/home");
    expect(cachedPagePath(req("/?_rsc=abc"))).toBe("/anon/home");
    expect(cachedPagePath(req("/", { cookies: ["mkt_cart"] }))).toBeNull();
    expect(cachedPagePath(req("/?utm_source=mail&utm_campaign=fall&gclid=x"))).toBe("/anon/home");
    expect(cachedPagePath(req("/?q=lamp"))).toBeNull();
  });

  it("a signed-out visitor without a cart gets the cached page, also on client-side navigations (_rsc)", () => {
    expect(cachedPagePath(req(`/products/${ID}`))).toBe(`/anon/products/${ID}`);
    expect(cachedPagePath(req(`/products/${ID}?_rsc=1x2y`, { method: "HEAD" }))).toBe(`/anon/products/${ID}`);
    expect(cachedPagePath(req(`/products/${ID}`, { cookies: ["theme"] }))).toBe(`/anon/products/${ID}`);
  });

  it("a session, a guest cart, a reviews view or a write is rendered for the visitor", () => {
    expect(cachedPagePath(req(`/products/${ID}`, { cookies: ["next-auth.session-token"] }))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID}`, { cookies: ["__Secure-next-auth.session-token"] }))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID}`, { cookies: ["mkt_cart"] }))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID}?sort=newest`))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID}?page=2&_rsc=1`))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID}`, { method: "POST" }))).toBeNull();
  });

  it("only product pages with a well-formed id", () => {
    expect(cachedPagePath(req("/products/not-an-id"))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID}/reviews`))).toBeNull();
    expect(cachedPagePath(req(`/products/${ID.toUpperCase()}`))).toBeNull();
    expect(cachedPagePath(req("/search"))).toBeNull();
  });
});
