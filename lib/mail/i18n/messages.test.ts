import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

import { MESSAGES_DE } from "./messages-de";
import { MESSAGES_EN, type MessageKey } from "./messages-en";
import { date, dateTime, hello, localeFromAcceptLanguage, money, notificationLocale, t } from "./translate";

type Ast = ReturnType<IntlMessageFormat["getAst"]>;

/** The placeholder names a message uses, nested ones (inside plural and select) included. */
function placeholders(ast: Ast, out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if ("value" in el && typeof el.value === "string" && el.type !== 0) out.add(el.value);
    if ("options" in el)
      for (const option of Object.values(el.options as Record<string, { value: Ast }>)) placeholders(option.value, out);
    if ("children" in el) placeholders(el.children as Ast, out);
  }
  return out;
}

const keys = Object.keys(MESSAGES_EN) as MessageKey[];

describe("the notification strings", () => {
  it.each(keys)("%s says the same things in German as in English", (key) => {
    const en = placeholders(new IntlMessageFormat(MESSAGES_EN[key], "en").getAst());
    const de = placeholders(new IntlMessageFormat(MESSAGES_DE[key], "de").getAst());
    expect([...de].sort()).toEqual([...en].sort());
  });

  it("plurals and selects follow the locale", () => {
    const v = { title: "Mug", threshold: 5 };
    expect(t("en", "lowStock.inApp.body", { ...v, count: 1 })).toBe("1 left; your alert is at 5.");
    expect(t("en", "lowStock.inApp.title", { ...v, count: 0 })).toBe("Sold out: Mug");
    expect(t("de", "lowStock.inApp.body", { ...v, count: 3 })).toBe("Noch 3; Ihre Warnung liegt bei 5.");
    expect(hello("en", "Ana")).toBe("Hi Ana,");
    expect(hello("de", null)).toBe("Hallo,");
  });

  it("money and dates are formatted with Intl for the locale", () => {
    expect(money("en", 123456, "EUR")).toBe("€1,234.56");
    expect(money("de", 123456, "EUR")).toBe("1.234,56\u00a0€");
    expect(money("de", 500, "USD")).toBe("5,00\u00a0$");
    const d = new Date("2026-12-04T21:30:00Z");
    expect(date("en", d)).toBe("December 4, 2026");
    expect(date("de", d)).toBe("4. Dezember 2026");
    expect(dateTime("de", d)).toBe("4. Dezember 2026 um 21:30 UTC");
  });

  it("reads the language from Accept-Language and a stored locale, English when there is none we have", () => {
    expect(localeFromAcceptLanguage("de-AT,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.5")).toBe("de");
    expect(localeFromAcceptLanguage("en;q=0.4,de;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("de;q=0,en")).toBe("en");
    expect(localeFromAcceptLanguage("fr, *")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(notificationLocale("de-CH")).toBe("de");
    expect(notificationLocale("xx")).toBe("en");
  });
});
