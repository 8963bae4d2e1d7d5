import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import type { CurrentUser } from "@/lib/auth/current-user";
import { SOCKET_ADDRESS_HEADER, socketAddressValue } from "@/lib/auth/socket-address";
import { env } from "@/lib/env";
import { getRateLimitStore } from "@/lib/rate-limit/get-rate-limit-store";

import { createApiRoute } from "./api-route";

const ctx = { params: Promise.resolve({}) };
/** A request as the socket-address hook leaves it: the peer it came from, and whatever X-Forwarded-For the client wrote. */
const post = (socket: string, forwardedFor?: string) =>
  new NextRequest("http://shop.test/api/v1/things", {
    method: "POST",
    headers: {
      [SOCKET_ADDRESS_HEADER]: socketAddressValue(socket),
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
  });
const buyer = (): CurrentUser => ({
  id: randomUUID(),
  email: "b@example.test",
  name: null,
  role: "buyer",
  sellerId: null,
  shopName: null,
  sessionId: randomUUID(),
  twoFactorEnabled: false,
});
const rule = (limit: number) => ({ name: `things-${randomUUID()}`, limit, windowSeconds: 60 });
const route = (u: CurrentUser | null) =>
  createApiRoute({ currentUser: async () => u, rateLimitStore: getRateLimitStore });

describe("apiRoute rate limits (the real store)", () => {
  it("runs with no trusted proxy hop configured", () => {
    expect(env().TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("per IP: a rotating X-Forwarded-For does not buy more requests; 429 with Retry-After and { error }", async () => {
    const perIp = route(null)({ access: "public", rateLimit: { perIp: rule(3) } }, async () => ({ ok: 1 }));
    for (let i = 0; i < 3; i++) expect((await perIp(post("198.51.100.9", `10.0.0.${i}`), ctx)).status).toBe(200);
    const refused = await perIp(post("198.51.100.9", "10.0.0.99"), ctx);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body.error.code).toBe("rate_limited");
    expect(typeof body.error.message).toBe("string");
    // Another socket address is another client.
    expect((await perIp(post("198.51.100.10", "10.0.0.99"), ctx)).status).toBe(200);
  });

  it("per account: keyed on the user id, so neither another X-Forwarded-For nor another address helps", async () => {
    const user = buyer();
    const limits = { perIp: rule(1000), perUser: rule(2) };
    const perUser = route(user)({ access: "user", rateLimit: limits }, async () => ({ ok: 1 }));
    expect((await perUser(post("198.51.100.20", "10.1.0.1"), ctx)).status).toBe(200);
    expect((await perUser(post("198.51.100.21", "10.1.0.2"), ctx)).status).toBe(200);
    expect((await perUser(post("198.51.100.22", "10.1.0.3"), ctx)).status).toBe(429);
    // Another account from the same address has its own count.
    const other = route(buyer())({ access: "user", rateLimit: limits }, async () => ({ ok: 1 }));
    expect((await other(post("198.51.100.22"), ctx)).status).toBe(200);
  });
});
