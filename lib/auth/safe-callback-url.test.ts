import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/seller?x=1")).toBe("/seller?x=1");
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined])(
    "replaces %s with the fallback",
    (v) => {
      expect(safeCallbackUrl(v, "/")).toBe("/");
    },
  );
});
