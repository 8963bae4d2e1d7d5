import type { OrderStatus } from "@/lib/generated/prisma/enums";

// The rules of reviewing, in one place: the API, the forms and the tests read them here.
export const REVIEWABLE_ORDER_STATUSES: readonly OrderStatus[] = ["delivered", "completed"];
/** A buyer may review an item for this long after delivery. */
export const REVIEW_WINDOW_DAYS = 60;
/** A posted review can be changed for this long. */
export const REVIEW_EDIT_HOURS = 48;
export const MAX_REVIEW_IMAGES = 5;
export const REVIEW_TITLE_MAX = 200;
export const REVIEW_BODY_MAX = 5_000;
export const REPLY_BODY_MAX = 2_000;
export const REPORT_REASON_MAX = 500;
export const BUYER_NOTE_MAX = 1_000;
export const REVIEWS_PAGE_SIZE = 10;
export const REVIEW_CASES_PAGE_SIZE = 25;

const DAY_MS = 86_400_000;

export type ReviewEligibility =
  | { ok: true; closesAt: Date }
  | { ok: false; code: "not_delivered" | "window_closed"; message: string; closesAt: Date | null };

/**
 * Whether an order's items can be reviewed now: only after delivery is confirmed (delivered
 * or completed) and within the review window counted from delivery.
 */
export function reviewEligibility(
  order: { status: OrderStatus; deliveredAt: Date | null; completedAt?: Date | null },
  now: Date = new Date(),
): ReviewEligibility {
  const deliveredAt = order.deliveredAt ?? order.completedAt ?? null;
  if (!REVIEWABLE_ORDER_STATUSES.includes(order.status) || !deliveredAt) {
    return {
      ok: false,
      code: "not_delivered",
      message: "You can review this order once its delivery is confirmed.",
      closesAt: null,
    };
  }
  const closesAt = new Date(deliveredAt.getTime() + REVIEW_WINDOW_DAYS * DAY_MS);
  if (now.getTime() > closesAt.getTime()) {
    return {
      ok: false,
      code: "window_closed",
      message: `Reviews can be written within ${REVIEW_WINDOW_DAYS} days of delivery; this order was delivered on ${deliveredAt.toISOString().slice(0, 10)}.`,
      closesAt,
    };
  }
  return { ok: true, closesAt };
}
