// Which product-page requests may be answered from the shared page cache: a visitor who is
// not signed in and has no cart sees exactly what every other such visitor sees, so their
// page is rendered once and served from Next's cache (ISR) at /anon/products/{id}. Anyone with
// a session or a cart, or asking for a particular reviews view (?sort=…), gets the page
// rendered for them.
import { CART_COOKIE } from "@/lib/cart/cart-cookie";

export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;
export const CACHED_PRODUCT_PREFIX = "/anon/products/";

const PRODUCT_PATH = /^\/products\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
// Next's own parameter on client-side navigations (RSC payload requests); it doesn't change the page.
const IGNORED_PARAMS = new Set(["_rsc"]);

/** The cached route for this request, or null when it must be rendered for the visitor. */
export function cachedProductPath(req: { method: string; pathname: string; searchParams: URLSearchParams; hasCookie: (name: string) => boolean }): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const m = PRODUCT_PATH.exec(req.pathname);
  if (!m) return null;
  for (const key of req.searchParams.keys()) if (!IGNORED_PARAMS.has(key)) return null;
  if (SESSION_COOKIES.some((c) => req.hasCookie(c)) || req.hasCookie(CART_COOKIE)) return null;
  return `${CACHED_PRODUCT_PREFIX}${m[1]}`;
}
