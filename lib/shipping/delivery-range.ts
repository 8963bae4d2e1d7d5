import type { DaysRange } from "./shipping-rules";

export type DeliveryRange = { earliest: string; latest: string };

const DAY_MS = 86_400_000;

/** The days an order placed at `placedAt` may arrive, as YYYY-MM-DD (UTC): handling then transit. */
export function deliveryRange(placedAt: Date, handling: DaysRange, transit: DaysRange): DeliveryRange {
  const day = (n: number) => new Date(placedAt.getTime() + n * DAY_MS).toISOString().slice(0, 10);
  return { earliest: day(handling.min + transit.min), latest: day(handling.max + transit.max) };
}
