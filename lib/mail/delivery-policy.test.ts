import { describe, expect, it } from "vitest";

import { classifySmtpError, DELIVERY_RETRY, nextAttemptDelayMs } from "./delivery-policy";

describe("nextAttemptDelayMs", () => {
  it("doubles from the base and stops at the cap", () => {
    const retry = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((a) => nextAttemptDelayMs(a, retry))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
  it("by default waits 5, 10, 20 and 40 minutes between five attempts", () => {
    expect(DELIVERY_RETRY.maxAttempts).toBe(5);
    expect([1, 2, 3, 4].map((a) => nextAttemptDelayMs(a) / 60_000)).toEqual([5, 10, 20, 40]);
  });
});

describe("classifySmtpError", () => {
  it("a 5xx to RCPT TO is a rejected recipient", () => {
    const err = { responseCode: 550, command: "RCPT TO", response: "550 5.1.1 <a@b.test>: user unknown" };
    expect(classifySmtpError(err)).toEqual({ kind: "rejected", message: "550 5.1.1 <a@b.test>: user unknown" });
  });
  it("a 5xx elsewhere is permanent but not the recipient's", () => {
    expect(classifySmtpError({ responseCode: 554, command: "DATA", response: "554 spam" }).kind).toBe("permanent");
    expect(classifySmtpError({ responseCode: 535, command: "AUTH PLAIN", response: "535 bad" }).kind).toBe("permanent");
  });
  it("a 4xx, a refused connection or anything unknown is transient", () => {
    expect(classifySmtpError({ responseCode: 421, command: "MAIL FROM", response: "421 busy" })).toEqual({
      kind: "transient",
      message: "421 busy",
    });
    expect(
      classifySmtpError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ESOCKET" })),
    ).toEqual({ kind: "transient", message: "ESOCKET: connect ECONNREFUSED 127.0.0.1:1" });
    expect(classifySmtpError("boom").kind).toBe("transient");
  });
});
