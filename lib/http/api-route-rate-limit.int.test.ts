import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import type { CurrentUser } from "@/lib/auth/current-user";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";

import { createApiRoute } from "./api-route";

const ctx = { params: Promise.resolve({}) };
const post = (headers: Record<string, string> = {}) =>
  new NextRequest("http://shop.test/api/v1/things", { method: "POST", headers });

describe("apiRoute rateLimit (the real rate-limit store)", () => {
  it("counts per user, or per client IP, and answers 429 with Retry-After past the limit", async () => {
    const user: CurrentUser = {
      id: randomUUID(),
      email: "b@example.test",
      name: null,
      role: "buyer",
      sellerId: null,
      shopName: null,
    };
    const rule = { name: `things-${randomUUID()}`, limit: 2, windowSeconds: 60 };
    const route = (u: CurrentUser | null) =>
      createApiRoute({ currentUser: async () => u, rateLimitStore: getRateLimitStore });

    const perUser = route(user)({ access: "user", rateLimit: { rule, by: "user" } }, async () => ({ ok: 1 }));
    expect((await perUser(post(), ctx)).status).toBe(200);
    expect((await perUser(post(), ctx)).status).toBe(200);
    const third = await perUser(post(), ctx);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await third.json()).error.code).toBe("rate_limited");

    const perIp = route(null)({ access: "public", rateLimit: { rule, by: "ip" } }, async () => ({ ok: 1 }));
    const from = (ip: string) => post({ "x-forwarded-for": ip });
    expect((await perIp(from("10.0.0.1"), ctx)).status).toBe(200);
    expect((await perIp(from("10.0.0.1"), ctx)).status).toBe(200);
    expect((await perIp(from("10.0.0.1"), ctx)).status).toBe(429);
    expect((await perIp(from("10.0.0.2"), ctx)).status).toBe(200);
  });
});
