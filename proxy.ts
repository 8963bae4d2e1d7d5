import { NextResponse, type NextRequest } from "next/server";

import { DEVICE_COOKIE, deviceCookieOptions, newDeviceCookie, readDeviceCookie } from "@/lib/auth/device-cookie";
import { CACHED_HOME, CACHED_PRODUCT_PREFIX, cachedPagePath } from "@/lib/catalog/cached-page-route";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/headers/content-security-policy";
import { readPageNonceMatcher } from "@/lib/headers/read-page-nonce-matcher";
import { readSocketTls, SOCKET_TLS_HEADER } from "@/lib/headers/socket-tls";
import { HSTS_VALUE, servedOverHttps } from "@/lib/headers/strict-transport-security";
import { refusePageOverLimit } from "@/lib/http/page-rate-limit";

/**
 * Signed-out visitors without a cart get the home page and product pages from the page cache
 * (see cached-page-route). A page rendered for this request gets a CSP with a fresh script nonce;
 * every page served over HTTPS carries HSTS (docs/HEADERS.md). A page with a rate limit (/search)
 * is counted first and answered 429 past it (lib/http/page-rate-limit.ts).
 */
export async function proxy(req: NextRequest) {
  const e = env();
  const refused = await refusePageOverLimit(req);
  const target = cachedPagePath({
    method: req.method,
    pathname: req.nextUrl.pathname,
    searchParams: req.nextUrl.searchParams,
    hasCookie: (name) => req.cookies.has(name),
  });
  let res: Response;
  if (refused) {
    res = refused;
  } else if (target) {
    const url = req.nextUrl.clone();
    url.pathname = target;
    res = NextResponse.rewrite(url);
    // The same URL is personal for signed-in visitors: shared caches must key on cookies.
    res.headers.set("Vary", "Cookie");
  } else if (!rendersPerRequest(req.nextUrl.pathname, e.NODE_ENV === "production")) {
    // Rendered once and kept (or an unknown address, answered by the prerendered 404 page): it
    // keeps next.config.ts's policy without a nonce (lib/headers/page-nonce-matcher.ts).
    res = NextResponse.next();
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    const csp = contentSecurityPolicy(e, nonce);
    // Next takes the nonce from the request's CSP header and puts it on the scripts it renders.
    const headers = new Headers(req.headers);
    headers.set("Content-Security-Policy", csp);
    const page = NextResponse.next({ request: { headers } });
    // Replaces next.config.ts's policy: the response carries this one only.
    page.headers.set("Content-Security-Policy", csp);
    // A page rendered for this visitor alone (never a cached one) gives the browser its device id,
    // so a sign-in from it is linked to the same device as its later checkouts and reviews.
    if (!readDeviceCookie(req.cookies.get(DEVICE_COOKIE)?.value, e.NEXTAUTH_SECRET)) {
      const device = newDeviceCookie(e.NEXTAUTH_SECRET);
      page.cookies.set(DEVICE_COOKIE, device.value, deviceCookieOptions(e.APP_URL.startsWith("https://")));
    }
    res = page;
  }
  const https = servedOverHttps({
    tlsSocket: readSocketTls(req.headers.get(SOCKET_TLS_HEADER)),
    forwardedProto: req.headers.get("x-forwarded-proto"),
    trustedHops: e.TRUSTED_PROXY_HOPS,
    host: req.headers.get("host"),
  });
  if (https) res.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return res;
}

/** `next dev` renders every page per request and keeps none but the page cache's. */
function rendersPerRequest(pathname: string, production: boolean): boolean {
  if (production) return readPageNonceMatcher()(pathname);
  return pathname !== CACHED_HOME && !pathname.startsWith(CACHED_PRODUCT_PREFIX);
}

// Pages only: not the API, build assets or stored media (app/media sets its own headers). One page
// is enough for HSTS: the browser remembers it for the whole host.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|media/|favicon.ico).*)"] };
