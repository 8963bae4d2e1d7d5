// Fixed-window rate limits shared by every web replica: counters in Redis when it is
// configured, else in PostgreSQL (rate_limit_buckets). Each is a single atomic statement.
import "server-only";

import type Redis from "ioredis";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export interface RateLimitStore {
  /** Adds one hit to `key` and returns the count in the current window and its remaining TTL. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>;
}

export function redisRateLimitStore(client: Redis): RateLimitStore {
  return {
    async hit(key, windowSeconds) {
      // {key} is a hash tag so the counter lives on one Redis Cluster slot.
      const k = `rl:{${key}}`;
      const result = await client.multi().incr(k).expire(k, windowSeconds, "NX").ttl(k).exec();
      if (!result) throw new Error("rate limit: Redis transaction aborted");
      const count = Number(result[0][1]);
      const ttl = Number(result[2][1]);
      return { count, ttlSeconds: ttl > 0 ? ttl : windowSeconds };
    },
  };
}

export function postgresRateLimitStore(prisma: PrismaClient): RateLimitStore {
  return {
    async hit(key, windowSeconds) {
      const rows = await prisma.$queryRaw<{ count: number; ttl: number }[]>`
        INSERT INTO rate_limit_buckets (key, count, expires_at)
        VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}::double precision))
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limit_buckets.expires_at <= now() THEN 1 ELSE rate_limit_buckets.count + 1 END,
          expires_at = CASE WHEN rate_limit_buckets.expires_at <= now()
                            THEN now() + make_interval(secs => ${windowSeconds}::double precision) ELSE rate_limit_buckets.expires_at END
        RETURNING count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM (expires_at - now()))))::int AS ttl`;
      return { count: rows[0].count, ttlSeconds: rows[0].ttl };
    },
  };
}

export async function checkRateLimit(
  store: RateLimitStore,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const { count, ttlSeconds } = await store.hit(`${rule.name}:${subject}`, rule.windowSeconds);
  // RATE_LIMIT_MULTIPLIER scales every limit; a load test or an e2e run from one address raises it.
  const limit = rule.limit * env().RATE_LIMIT_MULTIPLIER;
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds: ttlSeconds };
}

/** Throws a 429 AppError when any of the subjects is over the rule's limit. */
export async function enforceRateLimit(store: RateLimitStore, rule: RateLimitRule, subjects: string[]): Promise<void> {
  for (const subject of subjects) {
    const result = await checkRateLimit(store, rule, subject);
    if (!result.allowed) {
      throw new AppError("rate_limited", `Too many attempts. Try again in ${formatWait(result.retryAfterSeconds)}.`, {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
  }
}

function formatWait(seconds: number): string {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}
