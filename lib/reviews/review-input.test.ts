import { describe, expect, it } from "vitest";

import {
  ZBuyerReview,
  ZCreateReview,
  ZEditReview,
  ZReviewCaseDecision,
  ZReviewReply,
  ZReviewReport,
} from "./review-input";

const ok = { rating: 5, title: "Great", body: "Works well." };
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe("ZCreateReview", () => {
  it("accepts the design's body, trims text and defaults body and images", () => {
    expect(ZCreateReview.parse({ rating: 3, title: "  Fine  " })).toEqual({
      rating: 3,
      title: "Fine",
      body: "",
      images: [],
    });
    const id = "3f0c2a9e-8b1d-4c56-9a7e-2b4f6d8c0e11";
    expect(ZCreateReview.parse({ ...ok, order_item_id: id, images: [id] })).toMatchObject({
      order_item_id: id,
      images: [id],
    });
  });

  it.each([0, 6, -1, 2.5, "5", null, Number.NaN])("refuses rating %s with one message", (rating) => {
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, rating }))).toBe("Rating must be a whole number from 1 to 5.");
  });

  it("refuses markup in the title with a clear message, and empty or over-long titles", () => {
    for (const title of ["<script>alert(1)</script>", "a > b", "<3 it"])
      expect(firstMessage(ZCreateReview.safeParse({ ...ok, title }))).toBe("Titles can't contain < or >.");
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, title: " " }))).toBe("Give your review a title.");
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, title: "x".repeat(201) }))).toBe(
      "Title must be at most 200 characters.",
    );
    expect(ZCreateReview.safeParse({ ...ok, title: "x".repeat(200) }).success).toBe(true);
  });

  it("keeps markup in the body as text, but caps the body at 5,000 characters and refuses control characters", () => {
    expect(ZCreateReview.parse({ ...ok, body: "<b>5 > 4</b> & so on" }).body).toBe("<b>5 > 4</b> & so on");
    expect(ZCreateReview.safeParse({ ...ok, body: "x".repeat(5000) }).success).toBe(true);
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, body: "x".repeat(100 * 1024) }))).toBe(
      "Review text must be at most 5,000 characters.",
    );
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, body: "a\u0007b" }))).toBe(
      "Review text contains characters that aren't allowed.",
    );
    expect(ZCreateReview.parse({ ...ok, body: "line 1\n\tline 2" }).body).toBe("line 1\n\tline 2");
  });

  it("takes up to five distinct upload ids", () => {
    const ids = Array.from({ length: 6 }, (_, i) => `3f0c2a9e-8b1d-4c56-9a7e-2b4f6d8c0e1${i}`);
    expect(ZCreateReview.safeParse({ ...ok, images: ids.slice(0, 5) }).success).toBe(true);
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, images: ids }))).toBe("At most 5 images.");
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, images: [ids[0], ids[0]] }))).toBe(
      "The same image is listed twice.",
    );
    expect(firstMessage(ZCreateReview.safeParse({ ...ok, images: ["../etc/passwd"] }))).toBe("Unknown image.");
  });
});

describe("the other inputs", () => {
  it("an edit changes at least one known field", () => {
    expect(ZEditReview.parse({ rating: 2 })).toEqual({ rating: 2 });
    expect(firstMessage(ZEditReview.safeParse({}))).toMatch(/Change at least one/);
    expect(ZEditReview.safeParse({ rating: 2, buyerId: "x" }).success).toBe(false);
  });

  it("replies, reports, buyer ratings and case decisions", () => {
    expect(ZReviewReply.parse({ body: " Thanks! " })).toEqual({ body: "Thanks!" });
    expect(ZReviewReply.safeParse({ body: "" }).success).toBe(false);
    expect(ZReviewReport.safeParse({ reason: "no" }).success).toBe(false);
    expect(ZReviewReport.parse({ reason: "Spam link" })).toEqual({ reason: "Spam link" });
    expect(ZBuyerReview.parse({ rating: 4 })).toEqual({ rating: 4, note: "" });
    expect(ZBuyerReview.safeParse({ rating: 0 }).success).toBe(false);
    expect(ZReviewCaseDecision.parse({ decision: "keep" })).toEqual({ decision: "keep" });
    expect(firstMessage(ZReviewCaseDecision.safeParse({ decision: "approve" }))).toBe("Choose hide or keep.");
  });
});
