// Which page requests may be answered from the shared page cache: a visitor who is not signed
// in and has no cart sees exactly what every other such visitor sees, so the home page and
// product pages are rendered once and served from Next's cache (ISR) at /anon/home and
// /anon/products/{id}. Anyone with a session or a cart, or asking for a particular view
// (?sort=…), gets the page rendered for them.
import { CART_COOKIE } from "@/lib/cart/cart-cookie";

export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;
export const CACHED_PRODUCT_PREFIX = "/anon/products/";
export const CACHED_HOME = "/anon/home";

const PRODUCT_PATH = /^\/products\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
// Parameters that don't change the page: Next's own on client-side navigations (RSC payload
// requests) and campaign tracking tags.
const IGNORED_PARAMS = new Set(["_rsc", "gclid", "fbclid"]);
const ignored = (key: string) => IGNORED_PARAMS.has(key) || key.startsWith("utm_");

/** The cached route for this request, or null when it must be rendered for the visitor. */
export function cachedPagePath(req: {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  hasCookie: (name: string) => boolean;
}): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const m = PRODUCT_PATH.exec(req.pathname);
  const target = req.pathname === "/" ? CACHED_HOME : m ? `${CACHED_PRODUCT_PREFIX}${m[1]}` : null;
  if (!target) return null;
  for (const key of req.searchParams.keys()) if (!ignored(key)) return null;
  if (SESSION_COOKIES.some((c) => req.hasCookie(c)) || req.hasCookie(CART_COOKIE)) return null;
  return target;
}
