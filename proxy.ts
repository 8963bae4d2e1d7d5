import { NextResponse, type NextRequest } from "next/server";
import { cachedProductPath } from "@/lib/http/cached-product-route";

/** Signed-out visitors without a cart get product pages from the page cache (see cached-product-route). */
export function proxy(req: NextRequest) {
  const target = cachedProductPath({ method: req.method, pathname: req.nextUrl.pathname, searchParams: req.nextUrl.searchParams, hasCookie: (name) => req.cookies.has(name) });
  if (!target) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = target;
  const res = NextResponse.rewrite(url);
  // The same URL is personal for signed-in visitors: shared caches must key on cookies.
  res.headers.set("Vary", "Cookie");
  return res;
}

export const config = { matcher: "/products/:productId" };
