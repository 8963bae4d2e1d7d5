import "server-only";

import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";

import { postgresRateLimitStore, redisRateLimitStore, type RateLimitStore } from "./rate-limit";

export function getRateLimitStore(): RateLimitStore {
  const client = redis();
  return client ? redisRateLimitStore(client) : postgresRateLimitStore(db());
}
