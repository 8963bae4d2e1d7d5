/** Formats integer minor units for display; the only place money becomes a string. */
export function formatMoney(amountCents: number, currency: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amountCents / 100);
}
