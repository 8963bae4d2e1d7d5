import { describe, expect, it } from "vitest";

import { isAppError } from "@/lib/errors/app-error";

import { checkRefundAllowed } from "./check-refund-allowed";

const payment = { id: "pay_1" };
const check = (status: Parameters<typeof checkRefundAllowed>[0]["order"]["status"], over = {}) =>
  checkRefundAllowed({ order: { status, transfers: [] }, payment, ...over });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (isAppError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("checkRefundAllowed", () => {
  it("allows a refund of a paid, shipped, delivered, disputed or completed order, with its payment", () => {
    for (const status of ["paid", "shipped", "delivered", "disputed", "completed"] as const)
      expect(check(status)).toEqual({ payment });
  });

  it("says an order refunded already has nothing left, before any other rule", () => {
    expect(check("refunded", { payment: undefined, requireStatus: { statuses: ["paid"], message: "x" } })).toBe(
      "already_refunded",
    );
  });

  it("refuses an order that was never paid, naming its status", () => {
    expect(refusal(() => check("pending"))).toEqual({
      code: "conflict",
      message: "This order is pending; there is nothing to refund.",
    });
    expect(refusal(() => check("cancelled")).code).toBe("conflict");
  });

  it("refuses with the caller's message when the order is not in a required status", () => {
    const requireStatus = { statuses: ["paid" as const], message: "Only a paid order can be cancelled." };
    expect(check("paid", { requireStatus })).toEqual({ payment });
    expect(refusal(() => check("shipped", { requireStatus })).message).toBe("Only a paid order can be cancelled.");
  });

  it("refuses without a captured payment, and while a release to the seller is pending", () => {
    expect(refusal(() => check("paid", { payment: undefined })).message).toBe("This order has no captured payment.");
    const pending = { order: { status: "delivered" as const, transfers: [{ status: "paid" }, { status: "pending" }] } };
    expect(refusal(() => checkRefundAllowed({ ...pending, payment })).message).toMatch(/in progress/);
    expect(checkRefundAllowed({ order: { status: "delivered", transfers: [{ status: "paid" }] }, payment })).toEqual({
      payment,
    });
  });
});
