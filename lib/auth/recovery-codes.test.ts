import { describe, expect, it } from "vitest";

import { generateRecoveryCodes } from "./generate-recovery-codes";
import { hashRecoveryCode } from "./hash-recovery-code";

describe("recovery codes", () => {
  it("are ten distinct, readable codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/);
  });

  it("hash the same however they are typed back", () => {
    expect(hashRecoveryCode("k7m2p-x9qrt")).toBe(hashRecoveryCode(" K7M2P X9QRT "));
    expect(hashRecoveryCode("k7m2p-x9qrt")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("k7m2p-x9qrt")).not.toBe(hashRecoveryCode("k7m2p-x9qru"));
  });
});
