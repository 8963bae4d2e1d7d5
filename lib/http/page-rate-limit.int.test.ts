// The /search page's rate limit through proxy.ts itself, against the real store (Redis, else
// PostgreSQL): a script rotating X-Forwarded-For from one socket address is still one client.
import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RATE_LIMIT_POLICIES } from "@/lib/rate-limit/rules";
import { proxy } from "@/proxy";
import { requestHeaders, sessionCookie } from "@/test/as-request";
import { createUser } from "@/test/factories";

import { refusePageOverLimit } from "./page-rate-limit";

/** A page request from `socket` with a client-written X-Forwarded-For, as the socket-address hook leaves it. */
const get = (path: string, socket: string, forwardedFor: string, cookie?: string) =>
  new NextRequest(`http://shop.test${path}`, {
    headers: requestHeaders({ socket, cookie, extra: { "x-forwarded-for": forwardedFor } }),
  });

describe("the /search page's rate limit", () => {
  it("runs with no trusted proxy hop configured", () => {
    expect(env().TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("per IP: past the search limit a rotating X-Forwarded-For still gets 429 with Retry-After and a page a person can read", async () => {
    // A fresh address per run: the counter is the API's search-ip one, and runs share Redis for a minute.
    const socket = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const limit = RATE_LIMIT_POLICIES.search.perIp.limit * env().RATE_LIMIT_MULTIPLIER;
    for (let i = 0; i < limit; i++) {
      const res = await proxy(get(`/search?q=lamp${i}`, socket, `10.9.${i >> 8}.${i & 255}`));
      expect(res.status, `request ${i + 1} of ${limit}`).not.toBe(429);
    }
    const refused = await proxy(get("/search?q=lamp", socket, "10.9.99.99"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toContain("text/html");
    const html = await refused.text();
    expect(html).toContain("<h1>Too many requests</h1>");
    expect(html).toMatch(/Try again in \d+ (seconds|minutes)\./);
    // Only the limited page is refused: the home page from the same client still renders.
    expect((await proxy(get("/", socket, "10.9.99.99"))).status).not.toBe(429);
  }, 60_000);

  it("per account: keyed on the user id, so moving to another address does not help", async () => {
    const user = await createUser(db(), { role: "buyer" });
    const cookie = await sessionCookie(user);
    const limits = {
      "/search": {
        perIp: { name: `page-ip-${randomUUID()}`, limit: 1000, windowSeconds: 60 },
        perUser: { name: `page-user-${randomUUID()}`, limit: 2, windowSeconds: 60 },
      },
    };
    expect(await refusePageOverLimit(get("/search", "198.51.100.31", "10.2.0.1", cookie), limits)).toBeNull();
    expect(await refusePageOverLimit(get("/search", "198.51.100.32", "10.2.0.2", cookie), limits)).toBeNull();
    expect((await refusePageOverLimit(get("/search", "198.51.100.33", "10.2.0.3", cookie), limits))?.status).toBe(429);
    // Signed out from that address, the per-IP count alone applies.
    expect(await refusePageOverLimit(get("/search", "198.51.100.33", "10.2.0.3"), limits)).toBeNull();
  });
});
