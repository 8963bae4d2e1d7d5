import { formatMoney } from "@/lib/money/format-money";
import { deliveryRange } from "@/lib/shipping/delivery-range";
import type { ShopShippingQuote } from "@/lib/shipping/quote-shop-shipping";

const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Dec 6 – Dec 11": the days an order placed now may arrive (the window checkout stores). */
export function deliveryDates(quote: Extract<ShopShippingQuote, { ships: true }>, now = new Date()): string {
  const r = deliveryRange(now, quote.handlingDays, quote.transitDays);
  return `${DAY.format(new Date(`${r.earliest}T00:00:00Z`))} – ${DAY.format(new Date(`${r.latest}T00:00:00Z`))}`;
}

/** One shop's shipping to the chosen address: its charge and delivery dates, or that it does not ship there. */
export function ShopShippingLine(props: {
  quote: ShopShippingQuote | undefined;
  to: string | null;
  shopName: string;
  currency: string;
  className?: string;
}) {
  const { quote, to } = props;
  if (!quote || !to) return null;
  if (!quote.ships)
    return (
      <p className={`text-sm font-medium text-red-700 ${props.className ?? ""}`}>
        {props.shopName} doesn&apos;t ship to {to}.
      </p>
    );
  return (
    <p className={`text-sm ${props.className ?? ""}`} data-testid="shop-shipping">
      Shipping to {to}:{" "}
      <span className="font-semibold">
        {quote.shippingCents === 0 ? "Free" : formatMoney(quote.shippingCents, props.currency)}
      </span>{" "}
      <span className="text-muted">· arrives {deliveryDates(quote)}</span>
    </p>
  );
}
