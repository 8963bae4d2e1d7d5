import { describe, expect, it } from "vitest";

import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the hop our proxy appended, not the addresses the client wrote before it", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": ["6.6.6.6", "203.0.113.7"] })).toBe("203.0.113.7");
  });

  it("reads a single hop, and says unknown without one", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });

  it("ignores X-Real-IP, which any client can send", () => {
    expect(clientIp(new Headers({ "x-real-ip": "6.6.6.6" }))).toBe("unknown");
  });
});
