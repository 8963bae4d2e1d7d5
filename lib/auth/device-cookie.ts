import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The first-party device id: a random id in a long-lived, signed, httpOnly cookie. Accounts
// that share it were used from the same browser, which is how a ring of "different" buyers
// shows itself. Signed so that a client cannot pick another device's id and be linked to it.
export const DEVICE_COOKIE = "mkt_device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

function sign(id: string, secret: string): string {
  return createHmac("sha256", secret).update(`device:${id}`).digest("base64url");
}

/** A new device id and the signed cookie value that carries it. */
export function newDeviceCookie(secret: string): { deviceId: string; value: string } {
  const deviceId = randomBytes(16).toString("hex");
  return { deviceId, value: `${deviceId}.${sign(deviceId, secret)}` };
}

/** The device id in a cookie value, or null if it is missing or was tampered with. */
export function readDeviceCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const [id, mac] = value.split(".");
  if (!id || !mac || !/^[0-9a-f]{32}$/.test(id)) return null;
  const expected = Buffer.from(sign(id, secret));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The device id from a raw Cookie header (next-auth's authorize sees only headers). */
export function deviceIdFromCookieHeader(header: string | null | undefined, secret: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return readDeviceCookie(decodeURIComponent(rest.join("=")), secret);
  }
  return null;
}

export const deviceCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure,
  path: "/",
  maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
});
