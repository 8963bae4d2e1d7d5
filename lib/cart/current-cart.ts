import "server-only";

import { cookies } from "next/headers";

import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";

import { CART_COOKIE, newGuestCartCookie, readGuestCartCookie } from "./cart-cookie";
import type { CartStore } from "./cart-store";
import { getCartStore } from "./get-cart-store";
import { mergeCarts } from "./merge-carts";

/**
 * The cart of this request: the signed-in buyer's ("u:<id>") or the guest's ("g:<id>", from
 * a signed cookie). A guest cart found at sign-in is merged into the buyer's once.
 * `mutable` is for route handlers and server actions, which may set cookies: a guest without
 * a cart gets one, and a merged guest cookie is removed (pages merge too; the emptied guest
 * cart makes a repeat merge a no-op). They pass the request's user, which their wrapper has
 * read already: React's per-request cache does not reach route handlers, so looking it up
 * here would read the session and the database a second time.
 */
export async function currentCart(
  opts: { mutable: true; user: { id: string } | null } | { mutable?: false; user?: { id: string } | null } = {},
): Promise<{ store: CartStore; cartKey: string | null; userId: string | null }> {
  const store = getCartStore();
  const jar = await cookies();
  const secret = env().NEXTAUTH_SECRET;
  const guestId = readGuestCartCookie(jar.get(CART_COOKIE)?.value, secret);
  const user = opts.user !== undefined ? opts.user : await getCurrentUser();
  if (user) {
    const cartKey = `u:${user.id}`;
    if (guestId) {
      await mergeCarts(store, `g:${guestId}`, cartKey);
      if (opts.mutable) jar.delete(CART_COOKIE);
    }
    return { store, cartKey, userId: user.id };
  }
  if (guestId) return { store, cartKey: `g:${guestId}`, userId: null };
  if (!opts.mutable) return { store, cartKey: null, userId: null };
  const fresh = newGuestCartCookie(secret);
  jar.set(CART_COOKIE, fresh.value, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 7 * 24 * 60 * 60,
  });
  return { store, cartKey: `g:${fresh.guestId}`, userId: null };
}
