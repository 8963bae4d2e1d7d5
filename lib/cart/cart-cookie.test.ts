import { describe, expect, it } from "vitest";

import { newGuestCartCookie, readGuestCartCookie } from "./cart-cookie";

describe("the guest cart cookie", () => {
  const secret = "s".repeat(32);
  it("round-trips a signed id", () => {
    const { guestId, value } = newGuestCartCookie(secret);
    expect(readGuestCartCookie(value, secret)).toBe(guestId);
  });
  it("refuses a forged or altered cookie", () => {
    const { value } = newGuestCartCookie(secret);
    const [id] = value.split(".");
    expect(readGuestCartCookie(`${id}.forged`, secret)).toBeNull();
    expect(
      readGuestCartCookie(
        value.replace(/^./, (c) => (c === "a" ? "b" : "a")),
        secret,
      ),
    ).toBeNull();
    expect(readGuestCartCookie(value, "t".repeat(32))).toBeNull();
    expect(readGuestCartCookie(undefined, secret)).toBeNull();
  });
});
