import { describe, expect, it } from "vitest";

import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const secret = "unit-test-unsubscribe-secret-0123456789abcdef";
const claim = { userId: "0b9f6a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b", group: "messages", channel: "email" } as const;

describe("unsubscribe tokens", () => {
  it("verifies what was signed", () => {
    const token = signUnsubscribeToken(claim, { secret });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(token, { secret })).toEqual({ ok: true, claim });
  });

  it("refuses a token with a changed payload, signature or secret", () => {
    const token = signUnsubscribeToken(claim, { secret });
    const [payload, sig] = token.split(".");
    const otherGroup = Buffer.from(
      Buffer.from(payload, "base64url").toString().replace(".messages.", ".listings."),
    ).toString("base64url");
    expect(verifyUnsubscribeToken(`${otherGroup}.${sig}`, { secret })).toEqual({ ok: false, reason: "bad_signature" });
    const flipped = sig.slice(0, -2) + (sig.endsWith("AA") ? "BB" : "AA");
    expect(verifyUnsubscribeToken(`${payload}.${flipped}`, { secret })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyUnsubscribeToken(token, { secret: `${secret}x` })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses garbage and expired tokens", () => {
    for (const bad of ["", "abc", "a.b.c", "..", "not base64!.x"])
      expect(verifyUnsubscribeToken(bad, { secret }).ok, bad).toBe(false);
    const old = signUnsubscribeToken(claim, { secret, now: new Date("2026-01-01T00:00:00Z"), days: 1 });
    expect(verifyUnsubscribeToken(old, { secret, now: new Date("2026-01-01T12:00:00Z") }).ok).toBe(true);
    expect(verifyUnsubscribeToken(old, { secret, now: new Date("2026-01-03T00:00:00Z") })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a signed payload naming an unknown group", () => {
    const token = signUnsubscribeToken({ ...claim, group: "nonsense" as never }, { secret });
    expect(verifyUnsubscribeToken(token, { secret })).toEqual({ ok: false, reason: "malformed" });
  });
});
