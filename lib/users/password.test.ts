import { describe, expect, it } from "vitest";

import { hashPassword } from "./hash-password";
import { passwordProblem } from "./password-problem";
import { verifyPassword } from "./verify-password";

describe("passwords", () => {
  it.each([
    ["short1!", /at least 10/],
    ["alllowercaseletters", /mix at least two/],
    ["aaaaaaaaaa1", /repeats too few/],
    ["x".repeat(73), /at most 72 bytes/],
    ["é".repeat(40) + "1", /at most 72 bytes/],
    ["ada.lovelace-2026", /email name/],
  ])("refuses %s", (pw, why) => {
    expect(passwordProblem(pw, "ada.lovelace@example.test")).toMatch(why);
  });

  it("accepts a reasonable password", () => {
    expect(passwordProblem("Correct-horse-7", "ada@example.test")).toBeNull();
  });

  it("hashes with a salt and verifies", async () => {
    const [a, b] = await Promise.all([hashPassword("Correct-horse-7"), hashPassword("Correct-horse-7")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Correct-horse-7", a)).toBe(true);
    expect(await verifyPassword("correct-horse-7", a)).toBe(false);
  });
});
