// The currency a visitor sees prices in, besides the seller's own. Chosen in the footer and kept
// in a cookie; until then it follows the browser's locale (de-DE → EUR, en-GB → GBP).
import { SUPPORTED_CURRENCIES } from "@/lib/money/currencies";

export const DISPLAY_CURRENCY_COOKIE = "display_currency";
export const DISPLAY_CURRENCIES: readonly string[] = SUPPORTED_CURRENCIES;

const EURO_AREA = new Set([
  "AT",
  "BE",
  "HR",
  "CY",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PT",
  "SK",
  "SI",
  "ES",
]);
const BY_REGION: Record<string, string> = { US: "USD", GB: "GBP", CA: "CAD", AU: "AUD" };

/** The supported currency of a BCP 47 locale's region, or USD. */
export function currencyForLocale(locale: string | undefined): string {
  let region: string | undefined;
  try {
    region = locale ? new Intl.Locale(locale).maximize().region : undefined;
  } catch {
    region = undefined;
  }
  if (!region) return "USD";
  if (EURO_AREA.has(region)) return "EUR";
  return BY_REGION[region] ?? "USD";
}

/** The cookie's currency if it is one we show, else undefined. */
export function parseDisplayCurrency(cookieHeader: string): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${DISPLAY_CURRENCY_COOKIE}=([A-Z]{3})(?:;|$)`).exec(cookieHeader);
  return m && DISPLAY_CURRENCIES.includes(m[1]) ? m[1] : undefined;
}
