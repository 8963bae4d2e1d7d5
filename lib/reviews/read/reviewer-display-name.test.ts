import { describe, expect, it } from "vitest";

import { reviewerDisplayName } from "./reviewer-display-name";

describe("reviewerDisplayName", () => {
  it("first name and last initial, never more", () => {
    expect(reviewerDisplayName("Ada Lovelace")).toBe("Ada L.");
    expect(reviewerDisplayName("  Grace  Brewster Murray hopper ")).toBe("Grace H.");
    expect(reviewerDisplayName("Cher")).toBe("Cher");
    expect(reviewerDisplayName("Zoë Ångström")).toBe("Zoë Å.");
  });

  it("a buyer with no name is a verified buyer", () => {
    expect(reviewerDisplayName(null)).toBe("Verified buyer");
    expect(reviewerDisplayName("   ")).toBe("Verified buyer");
  });
});
