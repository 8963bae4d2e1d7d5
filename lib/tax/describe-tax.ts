/** A rate in basis points as a buyer reads it: 1900 → "19%", 725 → "7.25%", 550 → "5.5%". */
export function formatTaxRate(rateBps: number): string {
  return `${(rateBps / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}

/**
 * What a shop's tax line is called: "incl. VAT 19%" when it is inside the prices, "Sales tax
 * 7.25%" when it was added; several rates (books and other goods) are listed in order.
 * Null for an untaxed order.
 */
export function describeTax(t: {
  taxCents: number;
  inclusive: boolean;
  label: string | null;
  rates: number[];
}): string | null {
  if (t.taxCents <= 0) return null;
  const rates = [...new Set(t.rates.filter((r) => r > 0))].sort((a, b) => a - b).map(formatTaxRate);
  const name = `${t.label ?? "Tax"} ${rates.join(" and ")}`.trim();
  return t.inclusive ? `incl. ${name}` : name;
}
