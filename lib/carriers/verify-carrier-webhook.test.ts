import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { verifyCarrierWebhook } from "./verify-carrier-webhook";

const secret = "carrier-secret-0123456789";
const body = JSON.stringify({ type: "tracking.updated", data: { tracking_number: "SIM1" } });
const sign = (t: number, b = body, s = secret) =>
  `t=${t},v1=${createHmac("sha256", s).update(`${t}.${b}`).digest("hex")}`;
const now = 1_780_000_000;

describe("carrier webhook signatures", () => {
  it("accepts the carrier's signature on the exact body", () => {
    expect(verifyCarrierWebhook({ rawBody: body, header: sign(now), secret, now })).toBe(true);
  });
  it.each([
    ["no header", null],
    ["another body", sign(now, body.replace("SIM1", "SIM2"))],
    ["another secret", sign(now, body, "someone-else-secret")],
    ["a stale timestamp", sign(now - 301)],
    ["garbage", "t=abc,v1=zz"],
  ])("refuses %s", (_what, header) => {
    expect(verifyCarrierWebhook({ rawBody: body, header, secret, now })).toBe(false);
  });
});
