import { describe, expect, it } from "vitest";

import { viewerLocale } from "./viewer-locale";

describe("viewerLocale", () => {
  it("takes the first locale Intl can format in, else en-US", () => {
    expect(viewerLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(viewerLocale("*, fr-FR;q=0.5")).toBe("fr-FR");
    expect(viewerLocale("not a locale!!, ja-JP")).toBe("ja-JP");
    expect(viewerLocale(null)).toBe("en-US");
    expect(viewerLocale("")).toBe("en-US");
  });
});
