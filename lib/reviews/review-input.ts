import { z } from "zod";

import { zId, zText } from "@/lib/errors/input-primitives";

import {
  BUYER_NOTE_MAX,
  MAX_REVIEW_IMAGES,
  REPLY_BODY_MAX,
  REPORT_REASON_MAX,
  REVIEW_BODY_MAX,
  REVIEW_TITLE_MAX,
} from "./review-rules";

const ZRating = z
  .number({ error: "Rating must be a whole number from 1 to 5." })
  .int("Rating must be a whole number from 1 to 5.")
  .min(1, "Rating must be a whole number from 1 to 5.")
  .max(5, "Rating must be a whole number from 1 to 5.");

// Titles are plain text everywhere (rendered as React text nodes); angle brackets are refused
// outright so markup pasted into a title is a clear error rather than odd-looking text.
const ZTitle = zText({
  what: "Title",
  min: 1,
  max: REVIEW_TITLE_MAX,
  required: "Give your review a title.",
  tooLong: `Title must be at most ${REVIEW_TITLE_MAX} characters.`,
}).refine((t) => !/[<>]/.test(t), "Titles can't contain < or >.");

const ZBody = zText({ what: "Review text", max: REVIEW_BODY_MAX, multiline: true });

const ZImages = z
  .array(zId("Unknown image."), { error: "images must be a list of upload ids." })
  .max(MAX_REVIEW_IMAGES, `At most ${MAX_REVIEW_IMAGES} images.`)
  .refine((ids) => new Set(ids).size === ids.length, "The same image is listed twice.");

/** POST /api/v1/orders/{order_id}/reviews (the design's body, plus which item). */
export const ZCreateReview = z
  .object({
    order_item_id: zId("order_item_id must be an item of this order.").optional(),
    rating: ZRating,
    title: ZTitle,
    body: ZBody.default(""),
    images: ZImages.default([]),
  })
  .meta({ id: "CreateReview", title: "Review" });

export type TCreateReview = z.input<typeof ZCreateReview>;

/** PATCH /api/v1/reviews/{review_id}: any of the fields, within the edit window. */
export const ZEditReview = z
  .object({ rating: ZRating, title: ZTitle, body: ZBody, images: ZImages })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Change at least one of rating, title, body or images.")
  .meta({ id: "EditReview", title: "Review" });

export type TEditReview = z.input<typeof ZEditReview>;

export const ZReviewReply = z
  .object({
    body: zText({
      what: "Reply",
      min: 1,
      max: REPLY_BODY_MAX,
      multiline: true,
      required: "Write a reply.",
      tooLong: `Replies must be at most ${REPLY_BODY_MAX.toLocaleString("en-US")} characters.`,
    }),
  })
  .meta({ id: "ReviewReply", title: "Reply" });

export type TReviewReply = z.input<typeof ZReviewReply>;

export const ZReviewReport = z
  .object({
    reason: zText({
      what: "Reason",
      min: 3,
      max: REPORT_REASON_MAX,
      multiline: true,
      required: "Tell us what is wrong with this review.",
      tooLong: `Reasons must be at most ${REPORT_REASON_MAX} characters.`,
    }),
  })
  .meta({ id: "ReviewReport", title: "Report" });

export type TReviewReport = z.input<typeof ZReviewReport>;

/** A seller's rating of the buyer on a delivered order. */
export const ZBuyerReview = z
  .object({
    rating: ZRating,
    note: zText({
      what: "Note",
      max: BUYER_NOTE_MAX,
      multiline: true,
      tooLong: `Notes must be at most ${BUYER_NOTE_MAX.toLocaleString("en-US")} characters.`,
    }).default(""),
  })
  .meta({ id: "BuyerReview", title: "Buyer rating" });

export type TBuyerReview = z.input<typeof ZBuyerReview>;

export const ZReviewCaseDecision = z
  .object({
    decision: z.enum(["hide", "keep"], { error: "Choose hide or keep." }),
    note: zText({
      what: "Note",
      max: 1000,
      multiline: true,
      tooLong: "Notes must be at most 1,000 characters.",
    }).optional(),
  })
  .meta({ id: "ReviewCaseDecision", title: "Decision" });

export type TReviewCaseDecision = z.input<typeof ZReviewCaseDecision>;

/** POST /api/v1/reviews/buyer-ratings: the rating and which of the seller's orders it is for. */
export const ZBuyerRatingRequest = ZBuyerReview.extend({
  order_id: zId("order_id must be one of your orders."),
}).meta({ id: "BuyerRatingRequest", title: "Buyer rating" });
