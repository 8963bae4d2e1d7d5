import { randomBytes } from "node:crypto";

import Redis from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import { db } from "@/lib/db/client";

import {
  checkRateLimit,
  enforceRateLimit,
  postgresRateLimitStore,
  redisRateLimitStore,
  type RateLimitStore,
} from "./rate-limit";

const redisUrl = inject("redisUrl");
const redis = redisUrl ? new Redis(redisUrl, { keyPrefix: `rl-test-${randomBytes(3).toString("hex")}:` }) : null;
afterAll(() => redis?.quit());

const stores: [string, () => RateLimitStore | null][] = [
  ["PostgreSQL", () => postgresRateLimitStore(db())],
  ["Redis", () => (redis ? redisRateLimitStore(redis) : null)],
];

// One contract, both stores.
describe.each(stores)("rate limiting on %s", (name, make) => {
  const store = make();
  if (!store) {
    it.skip(`skipped: ${name} is not available (redis-server not on PATH and REDIS_URL unset)`, () => {});
    return;
  }
  const rule = () => ({ name: `t-${randomBytes(4).toString("hex")}`, limit: 3, windowSeconds: 2 });

  it("allows up to the limit, then refuses with the time to wait", async () => {
    const r = rule();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await checkRateLimit(store, r, "1.2.3.4"));
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false, false]);
    expect(results[4].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[4].retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it("counts subjects separately and opens a new window after it expires", async () => {
    const r = rule();
    for (let i = 0; i < 3; i++) await checkRateLimit(store, r, "a");
    expect((await checkRateLimit(store, r, "a")).allowed).toBe(false);
    expect((await checkRateLimit(store, r, "b")).allowed).toBe(true);
    await new Promise((res) => setTimeout(res, 2100));
    expect((await checkRateLimit(store, r, "a")).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const r = { ...rule(), limit: 50, windowSeconds: 30 };
    const results = await Promise.all(Array.from({ length: 80 }, () => checkRateLimit(store, r, "burst")));
    expect(results.filter((x) => x.allowed)).toHaveLength(50);
  });

  it("enforceRateLimit throws a 429 AppError", async () => {
    const r = { ...rule(), limit: 1 };
    await enforceRateLimit(store, r, ["x"]);
    await expect(enforceRateLimit(store, r, ["x"])).rejects.toMatchObject({ status: 429, code: "rate_limited" });
  });
});
