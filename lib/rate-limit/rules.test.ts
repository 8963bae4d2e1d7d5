import { describe, expect, it } from "vitest";

import { RATE_LIMIT_POLICIES, routeRateLimit } from "./rules";

describe("routeRateLimit", () => {
  it("gives every write the write policy unless it declares its own or opts out; reads get none by default", () => {
    for (const m of ["POST", "PUT", "PATCH", "DELETE", "post"])
      expect(routeRateLimit(m, undefined)).toBe(RATE_LIMIT_POLICIES.write);
    expect(routeRateLimit("GET", undefined)).toBeNull();
    expect(routeRateLimit("GET", RATE_LIMIT_POLICIES.search)).toBe(RATE_LIMIT_POLICIES.search);
    expect(routeRateLimit("POST", RATE_LIMIT_POLICIES.cart)).toBe(RATE_LIMIT_POLICIES.cart);
    expect(routeRateLimit("POST", false)).toBeNull();
  });

  it("counts every policy per IP and per account", () => {
    for (const [name, p] of Object.entries(RATE_LIMIT_POLICIES)) {
      expect(p.perIp, name).toBeDefined();
      expect(p.perUser, name).toBeDefined();
    }
  });
});
