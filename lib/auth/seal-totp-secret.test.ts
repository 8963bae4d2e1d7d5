import { describe, expect, it } from "vitest";

import { openTotpSecret } from "./open-totp-secret";
import { sealTotpSecret } from "./seal-totp-secret";

const KEY = "a".repeat(64);
const OTHER_KEY = "b".repeat(64);

describe("sealing authenticator secrets", () => {
  it("opens what it sealed, and never stores the secret in the clear", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", "user-1", KEY);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openTotpSecret(sealed, "user-1", KEY)).toBe("JBSWY3DPEHPK3PXP");
    expect(sealTotpSecret("JBSWY3DPEHPK3PXP", "user-1", KEY)).not.toBe(sealed);
  });

  it("refuses another user's row, another key, or an altered value", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", "user-1", KEY);
    expect(() => openTotpSecret(sealed, "user-2", KEY)).toThrow();
    expect(() => openTotpSecret(sealed, "user-1", OTHER_KEY)).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(() => openTotpSecret(flipped, "user-1", KEY)).toThrow();
  });
});
