import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 300;

/**
 * Checks a carrier webhook's `Carrier-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>`
 * on the raw body: a wrong or stale (over 5 minutes) signature is refused.
 */
export function verifyCarrierWebhook(opts: {
  rawBody: string;
  header: string | null;
  secret: string;
  now?: number;
}): boolean {
  if (!opts.header) return false;
  const parts = Object.fromEntries(opts.header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) return false;
  if (Math.abs((opts.now ?? Math.floor(Date.now() / 1000)) - t) > TOLERANCE_SECONDS) return false;
  const expected = createHmac("sha256", opts.secret).update(`${t}.${opts.rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, "hex"));
}
