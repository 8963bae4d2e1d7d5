import { describe, expect, it } from "vitest";

import { signUploadUrl } from "./sign-upload-url";
import { verifyUploadUrl } from "./verify-upload-url";

const secret = "test-upload-secret-0123456789abcdef0123456789";
const uploadId = "0b7e7a4e-2f1e-4c1a-9d6b-1f7a1d2c3b4a";
const now = new Date("2026-01-01T12:00:00Z");

function signed(overrides: Partial<Parameters<typeof signUploadUrl>[0]> = {}) {
  const { url, expiresAt } = signUploadUrl({
    uploadId,
    contentType: "image/png",
    maxBytes: 1234,
    secret,
    now,
    ...overrides,
  });
  const parsed = new URL(url, "http://localhost");
  return { url, expiresAt, path: parsed.pathname, params: parsed.searchParams };
}

describe("signed upload URLs", () => {
  it("point at the upload's blob route and are accepted until they expire ten minutes later", () => {
    const { path, params, expiresAt } = signed();
    expect(path).toBe(`/api/v1/uploads/${uploadId}/blob`);
    expect(expiresAt.getTime() - now.getTime()).toBe(10 * 60 * 1000);
    const check = verifyUploadUrl({
      uploadId,
      searchParams: params,
      secret,
      now: new Date(now.getTime() + 9 * 60 * 1000),
    });
    expect(check).toEqual({ ok: true, uploadId, contentType: "image/png", maxBytes: 1234, expiresAt });
  });

  it("are refused for another upload id", () => {
    const { params } = signed();
    expect(
      verifyUploadUrl({ uploadId: "0b7e7a4e-2f1e-4c1a-9d6b-1f7a1d2c3b4b", searchParams: params, secret, now }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it.each([
    ["a later expiry", "expires", (v: string) => String(Number(v) + 3600)],
    ["a bigger size", "max", () => String(60 * 1024 * 1024)],
    ["another type", "type", () => "image/svg+xml"],
    ["a changed signature", "sig", (v: string) => (v[0] === "A" ? "B" : "A") + v.slice(1)],
    ["a truncated signature", "sig", (v: string) => v.slice(0, 20)],
    ["a non-numeric size", "max", () => "1e9"],
  ])("are refused with %s", (_label, param, tamper) => {
    const { params } = signed();
    params.set(param, tamper(params.get(param)!));
    expect(verifyUploadUrl({ uploadId, searchParams: params, secret, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it.each(["expires", "max", "type", "sig"])("are refused without %s", (param) => {
    const { params } = signed();
    params.delete(param);
    expect(verifyUploadUrl({ uploadId, searchParams: params, secret, now }).ok).toBe(false);
  });

  it("are refused when signed with another secret", () => {
    const { params } = signed({ secret: "another-secret-0123456789abcdef0123456789" });
    expect(verifyUploadUrl({ uploadId, searchParams: params, secret, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("are refused once expired", () => {
    const { params, expiresAt } = signed();
    expect(verifyUploadUrl({ uploadId, searchParams: params, secret, now: expiresAt })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyUploadUrl({ uploadId, searchParams: params, secret, now: new Date(expiresAt.getTime() + 1) })).toEqual(
      { ok: false, reason: "expired" },
    );
  });
});
