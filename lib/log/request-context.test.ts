import { describe, expect, it } from "vitest";

import { currentRequestContext, requestIdFrom, runWithRequestContext } from "./request-context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("keeps a well-formed incoming id (a UUID, haproxy's hex unique-id)", () => {
    expect(requestIdFrom("3f0c1d9e-5b7a-4c2e-9d1f-0a1b2c3d4e5f")).toBe("3f0c1d9e-5b7a-4c2e-9d1f-0a1b2c3d4e5f");
    expect(requestIdFrom("7F000001:C5A2_7F000001:0BB8_6756A1B2_0001:1A2B")).toBe(
      "7F000001:C5A2_7F000001:0BB8_6756A1B2_0001:1A2B",
    );
  });

  it("replaces a missing, short, long or odd-charset id with a fresh UUID", () => {
    for (const bad of [
      null,
      undefined,
      "",
      "short",
      "x".repeat(129),
      "has space-123",
      "new\nline-1234",
      'quo"te-1234',
    ]) {
      expect(requestIdFrom(bad)).toMatch(UUID);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("runWithRequestContext", () => {
  it("is seen across awaits inside, and not outside", async () => {
    expect(currentRequestContext()).toBeUndefined();
    const seen = await runWithRequestContext({ requestId: "req-12345678" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentRequestContext()?.requestId;
    });
    expect(seen).toBe("req-12345678");
    expect(currentRequestContext()).toBeUndefined();
  });
});
