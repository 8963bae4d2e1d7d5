import { describe, expect, it } from "vitest";

import { currencyForLocale, parseDisplayCurrency } from "./display-currency";

describe("currencyForLocale", () => {
  it("follows the locale's region, the euro area to EUR, anything else to USD", () => {
    expect(currencyForLocale("de-DE")).toBe("EUR");
    expect(currencyForLocale("de")).toBe("EUR"); // maximised: de → de-Latn-DE
    expect(currencyForLocale("fr-CA")).toBe("CAD");
    expect(currencyForLocale("en-GB")).toBe("GBP");
    expect(currencyForLocale("en-AU")).toBe("AUD");
    expect(currencyForLocale("en-US")).toBe("USD");
    expect(currencyForLocale("ja-JP")).toBe("USD");
    expect(currencyForLocale("not a locale")).toBe("USD");
    expect(currencyForLocale(undefined)).toBe("USD");
  });
});

describe("parseDisplayCurrency", () => {
  it("reads only a currency we show", () => {
    expect(parseDisplayCurrency("a=1; display_currency=GBP; b=2")).toBe("GBP");
    expect(parseDisplayCurrency("display_currency=EUR")).toBe("EUR");
    expect(parseDisplayCurrency("display_currency=JPY")).toBeUndefined();
    expect(parseDisplayCurrency("display_currency=gbp")).toBeUndefined();
    expect(parseDisplayCurrency("x_display_currency=GBP")).toBeUndefined();
    expect(parseDisplayCurrency("")).toBeUndefined();
  });
});
