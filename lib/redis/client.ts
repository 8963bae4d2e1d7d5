import "server-only";

import Redis from "ioredis";

import { env } from "@/lib/env";

const globalForRedis = globalThis as unknown as { redis?: Redis | null };

/** The shared Redis connection, or null when REDIS_URL is unset (PostgreSQL fallbacks apply). */
export function redis(): Redis | null {
  if (globalForRedis.redis !== undefined) return globalForRedis.redis;
  const { REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix } = env();
  globalForRedis.redis = url
    ? new Redis(url, {
        keyPrefix,
        // Commands wait for the connection briefly, then fail so callers can report it.
        maxRetriesPerRequest: 2,
        connectTimeout: 5_000,
      })
    : null;
  globalForRedis.redis?.on("error", () => {
    // Connection errors surface on the commands that fail; callers fall back or report.
  });
  return globalForRedis.redis;
}
