import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const CART_COOKIE = "mkt_cart";

function sign(id: string, secret: string): string {
  return createHmac("sha256", secret).update(`cart:${id}`).digest("base64url");
}

/** A new guest cart id and the signed cookie value that carries it. */
export function newGuestCartCookie(secret: string): { guestId: string; value: string } {
  const guestId = randomUUID();
  return { guestId, value: `${guestId}.${sign(guestId, secret)}` };
}

/** The guest cart id in a cookie value, or null if it is missing or was tampered with. */
export function readGuestCartCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const [id, mac] = value.split(".");
  if (!id || !mac || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(sign(id, secret));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
