import { NextResponse, type NextRequest } from "next/server";

import { cachedPagePath } from "@/lib/catalog/cached-page-route";
import { env } from "@/lib/env";
import { readSocketTls, SOCKET_TLS_HEADER } from "@/lib/headers/socket-tls";
import { HSTS_VALUE, servedOverHttps } from "@/lib/headers/strict-transport-security";

/**
 * Signed-out visitors without a cart get the home page and product pages from the page cache
 * (see cached-page-route). Every page served over HTTPS carries HSTS (docs/HEADERS.md).
 */
export function proxy(req: NextRequest) {
  const target = cachedPagePath({
    method: req.method,
    pathname: req.nextUrl.pathname,
    searchParams: req.nextUrl.searchParams,
    hasCookie: (name) => req.cookies.has(name),
  });
  let res: NextResponse;
  if (target) {
    const url = req.nextUrl.clone();
    url.pathname = target;
    res = NextResponse.rewrite(url);
    // The same URL is personal for signed-in visitors: shared caches must key on cookies.
    res.headers.set("Vary", "Cookie");
  } else res = NextResponse.next();
  const https = servedOverHttps({
    tlsSocket: readSocketTls(req.headers.get(SOCKET_TLS_HEADER)),
    forwardedProto: req.headers.get("x-forwarded-proto"),
    trustedHops: env().TRUSTED_PROXY_HOPS,
    host: req.headers.get("host"),
  });
  if (https) res.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return res;
}

// Pages only: not the API, build assets or stored media (app/media sets its own headers). One page
// is enough for HSTS: the browser remembers it for the whole host.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|media/|favicon.ico).*)"] };
