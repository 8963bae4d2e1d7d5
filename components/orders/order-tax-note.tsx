import { formatMoney } from "@/lib/money/format-money";
import { describeTax } from "@/lib/tax/describe-tax";

export type OrderTaxFields = {
  taxCents: number;
  taxInclusive: boolean;
  taxLabel: string | null;
  items: { taxRateBps: number }[];
};

/** The text of an order's tax: "incl. VAT 19% €9.50" or "Sales tax 7.25% $5.44"; null when untaxed. */
export function orderTaxText(o: OrderTaxFields, currency: string): string | null {
  const name = describeTax({
    taxCents: o.taxCents,
    inclusive: o.taxInclusive,
    label: o.taxLabel,
    rates: o.items.map((i) => i.taxRateBps),
  });
  return name ? `${name} ${formatMoney(o.taxCents, currency)}` : null;
}

/** " · incl. VAT 19% €9.50" after an order's items and shipping, or nothing when untaxed. */
export function OrderTaxNote(props: { order: OrderTaxFields; currency: string }) {
  const text = orderTaxText(props.order, props.currency);
  return text ? <span data-testid="order-tax"> · {text}</span> : null;
}
