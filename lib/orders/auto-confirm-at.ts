/** Days after shipping before an unconfirmed delivery is confirmed for the buyer. */
export const AUTO_CONFIRM_DAYS = 14;
/** Days after the last promised delivery day a buyer has to say a parcel is missing. */
export const AUTO_CONFIRM_GRACE_DAYS = 7;

const DAY = 86_400_000;

/**
 * When a shipped order's delivery is confirmed automatically: 14 days after shipping, or a week
 * after its promised delivery window ends (the end of delivery_latest's day) if that is later,
 * so a parcel with a long transit is not confirmed before it can arrive.
 */
export function autoConfirmAt(order: { shippedAt: Date | null; deliveryLatest: Date | null }): Date | null {
  if (!order.shippedAt) return null;
  const afterShipping = order.shippedAt.getTime() + AUTO_CONFIRM_DAYS * DAY;
  if (!order.deliveryLatest) return new Date(afterShipping);
  const windowEnd = Date.UTC(
    order.deliveryLatest.getUTCFullYear(),
    order.deliveryLatest.getUTCMonth(),
    order.deliveryLatest.getUTCDate() + 1,
  );
  return new Date(Math.max(afterShipping, windowEnd + AUTO_CONFIRM_GRACE_DAYS * DAY));
}
