import { describe, expect, it } from "vitest";

import { servedOverHttps } from "./strict-transport-security";

const plain = { tlsSocket: false, forwardedProto: null, trustedHops: 0, host: "shop.example" };

describe("servedOverHttps", () => {
  it("a TLS socket of our own is HTTPS", () => {
    expect(servedOverHttps({ ...plain, tlsSocket: true })).toBe(true);
    expect(servedOverHttps(plain)).toBe(false);
  });

  it("ignores X-Forwarded-Proto when no proxy hop is trusted: the client wrote it", () => {
    expect(servedOverHttps({ ...plain, forwardedProto: "https" })).toBe(false);
  });

  it("behind a trusted hop, believes the last X-Forwarded-Proto value, the one that hop wrote", () => {
    const behind = { ...plain, trustedHops: 1 };
    expect(servedOverHttps({ ...behind, forwardedProto: "https" })).toBe(true);
    expect(servedOverHttps({ ...behind, forwardedProto: "HTTPS" })).toBe(true);
    expect(servedOverHttps({ ...behind, forwardedProto: "http, https" })).toBe(true);
    expect(servedOverHttps({ ...behind, forwardedProto: "https, http" })).toBe(false);
    expect(servedOverHttps({ ...behind, forwardedProto: null })).toBe(false);
  });

  it("never for localhost or a loopback address, whatever the connection", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3118", "[::1]:3000", "LOCALHOST"])
      expect(servedOverHttps({ tlsSocket: true, forwardedProto: "https", trustedHops: 1, host })).toBe(false);
  });
});
