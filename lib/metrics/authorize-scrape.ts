import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * A scraper must send `Authorization: Bearer <METRICS_TOKEN>`. A token rather than "loopback
 * only": behind haproxy every request comes from loopback, and X-Forwarded-For is the client's
 * to forge. Without METRICS_TOKEN the endpoint is off.
 */
export function authorizeScrape(authorization: string | null): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Metrics are off: set METRICS_TOKEN to serve them.");
  const given = authorization?.match(/^Bearer (.+)$/)?.[1];
  // Compared as digests: equal length for timingSafeEqual, and no timing hint of the token's length.
  if (!given || !timingSafeEqual(digest(given), digest(token)))
    throw new AppError("unauthenticated", "Send Authorization: Bearer <METRICS_TOKEN>.");
}
