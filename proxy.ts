import { NextResponse, type NextRequest } from "next/server";

import { cachedPagePath } from "@/lib/catalog/cached-page-route";

/** Signed-out visitors without a cart get the home page and product pages from the page cache (see cached-page-route). */
export function proxy(req: NextRequest) {
  const target = cachedPagePath({
    method: req.method,
    pathname: req.nextUrl.pathname,
    searchParams: req.nextUrl.searchParams,
    hasCookie: (name) => req.cookies.has(name),
  });
  if (!target) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = target;
  const res = NextResponse.rewrite(url);
  // The same URL is personal for signed-in visitors: shared caches must key on cookies.
  res.headers.set("Vary", "Cookie");
  return res;
}

export const config = { matcher: ["/", "/products/:productId"] };
