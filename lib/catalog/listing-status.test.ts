import { describe, expect, it } from "vitest";

import type { ProductStatus } from "@/lib/generated/prisma/enums";

import { canListing, nextListingStatus, type ListingAction } from "./listing-status";

describe("the listing lifecycle", () => {
  it.each<[ProductStatus, ListingAction, ProductStatus]>([
    ["draft", "submit", "pending_review"],
    ["rejected", "submit", "pending_review"],
    ["pending_review", "approve", "active"],
    ["pending_review", "reject", "rejected"],
    ["active", "suspend", "suspended"],
    ["suspended", "reinstate", "active"],
    ["active", "edit", "pending_review"],
    ["draft", "edit", "draft"],
    ["active", "archive", "archived"],
  ])("%s --%s--> %s", (from, action, to) => {
    expect(nextListingStatus(from, action)).toBe(to);
  });

  it.each<[ProductStatus, ListingAction]>([
    ["draft", "approve"],
    ["active", "submit"],
    ["active", "reject"],
    ["suspended", "submit"],
    ["suspended", "edit"],
    ["archived", "submit"],
    ["archived", "reinstate"],
    ["draft", "suspend"],
    ["suspended", "archive"],
  ])("refuses %s --%s-->", (from, action) => {
    expect(canListing(from, action)).toBe(false);
    expect(() => nextListingStatus(from, action)).toThrow(/You can't/);
  });
});
