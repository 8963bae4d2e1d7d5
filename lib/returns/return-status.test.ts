import { describe, expect, it } from "vitest";

import type { ReturnStatus } from "@/lib/generated/prisma/enums";

import { canMoveReturn, OPEN_RETURN_STATUSES, RETURN_TRANSITIONS } from "./return-status";

const ALL = Object.keys(RETURN_TRANSITIONS) as ReturnStatus[];

describe("the return lifecycle", () => {
  it("follows requested → accepted → in_transit → delivered → received → refunded, each by its actor", () => {
    expect(canMoveReturn("requested", "accepted", "seller")).toBe(true);
    expect(canMoveReturn("accepted", "in_transit", "webhook")).toBe(true);
    expect(canMoveReturn("in_transit", "delivered", "system")).toBe(true);
    expect(canMoveReturn("delivered", "received", "seller")).toBe(true);
    expect(canMoveReturn("received", "refunded", "system")).toBe(true);
  });

  it("lets a declined return be escalated by the buyer and decided by an admin only", () => {
    expect(canMoveReturn("requested", "declined", "seller")).toBe(true);
    expect(canMoveReturn("declined", "escalated", "buyer")).toBe(true);
    expect(canMoveReturn("escalated", "accepted", "admin")).toBe(true);
    expect(canMoveReturn("escalated", "rejected", "admin")).toBe(true);
    expect(canMoveReturn("escalated", "accepted", "seller")).toBe(false);
    expect(canMoveReturn("declined", "escalated", "seller")).toBe(false);
  });

  it("refunds without the seller's word only from a carrier-delivered parcel, and only the system does it", () => {
    expect(canMoveReturn("delivered", "refunded", "system")).toBe(true);
    expect(canMoveReturn("delivered", "refunded", "seller")).toBe(false);
    expect(canMoveReturn("in_transit", "refunded")).toBe(false);
    expect(canMoveReturn("accepted", "refunded")).toBe(false);
  });

  it.each([
    ["requested", "received", undefined],
    ["requested", "refunded", undefined],
    ["declined", "accepted", undefined],
    ["in_transit", "cancelled", "buyer"],
    ["received", "cancelled", "buyer"],
    ["requested", "accepted", "buyer"],
    ["accepted", "received", "buyer"],
    ["delivered", "in_transit", undefined],
  ] as const)("refuses %s → %s (%s)", (from, to, actor) => {
    expect(canMoveReturn(from, to, actor)).toBe(false);
  });

  it("ends in refunded, rejected or cancelled, which go nowhere and free the items", () => {
    const terminal = ALL.filter((s) => Object.keys(RETURN_TRANSITIONS[s]).length === 0).sort();
    expect(terminal).toEqual(["cancelled", "refunded", "rejected"]);
    expect(OPEN_RETURN_STATUSES.sort()).toEqual(ALL.filter((s) => !terminal.includes(s)).sort());
  });

  it("reaches refunded from every open status except through a decline the admin upheld", () => {
    const reach = (from: ReturnStatus, seen = new Set<ReturnStatus>()): Set<ReturnStatus> => {
      seen.add(from);
      for (const to of Object.keys(RETURN_TRANSITIONS[from]) as ReturnStatus[]) if (!seen.has(to)) reach(to, seen);
      return seen;
    };
    for (const s of OPEN_RETURN_STATUSES) expect(reach(s).has("refunded"), s).toBe(true);
  });
});
