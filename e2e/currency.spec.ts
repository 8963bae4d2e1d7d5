// Prices in the visitor's currency: an admin sets the rates by hand (no feed here), a visitor
// picks a currency in the footer and every price shows its approximate value beside the
// seller's; a German browser gets euros, formatted the German way, without choosing.
import AxeBuilder from "@axe-core/playwright";

import { demoLogin, expect, signIn, test } from "./support/fixtures";

function cents(text: string): number {
  return Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);
}

test("an admin sets the rates; a visitor sees prices in the currency they pick, and a German browser in euros", async ({
  page,
  browser,
}) => {
  await signIn(page, demoLogin("admin"));
  await page.goto("/admin/exchange-rates");
  await expect(page.getByRole("heading", { name: "Exchange rates" })).toBeVisible();
  for (const [currency, rate] of [
    ["USD", "1"],
    ["GBP", "0.8"],
  ]) {
    const form = page.getByRole("form", { name: `Set the ${currency} rate` });
    await form.getByLabel(`${currency} per 1 EUR`).fill(rate);
    await form.getByRole("button", { name: "Set rate" }).click();
    await expect(page.getByText(`1 EUR = ${rate} ${currency} from now on.`)).toBeVisible();
  }
  // A rate that is not a number is refused with a sentence, and the table keeps its value.
  const aud = page.getByRole("form", { name: "Set the AUD rate" });
  await aud.getByLabel("AUD per 1 EUR").fill("-2");
  await aud.getByRole("button", { name: "Set rate" }).click();
  await expect(aud.getByText(/positive number/)).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const visitor = await browser.newPage({ locale: "en-US" });
  await visitor.goto("/search");
  const card = visitor
    // A product card (its title is a heading); the price facets are links with dollars too.
    .locator("main a:has(h3)")
    .filter({ hasText: /(^|[^A-Z])\$\d/ })
    .first();
  const price = card.locator("span.font-semibold");
  await expect(price).toBeVisible();
  const usd = cents((await price.textContent())!.split("≈")[0]);
  // An American browser sees dollars only: nothing to convert.
  await expect(price).not.toContainText("≈");
  await visitor.getByLabel("Show prices in").selectOption("GBP");
  await expect(price).toContainText(`≈ £${((usd * 0.8) / 100).toFixed(2)}`);
  // The choice is kept.
  await visitor.reload();
  await expect(visitor.getByLabel("Show prices in")).toHaveValue("GBP");
  await expect(card.locator("span.font-semibold")).toContainText("≈ £");
  await visitor.close();

  const german = await browser.newPage({ locale: "de-DE" });
  await german.goto("/search");
  await expect(german.getByLabel("Show prices in")).toHaveValue("EUR");
  const germanPrice = german
    .locator("main a:has(h3)")
    .filter({ hasText: /(^|[^A-Z])\$\d/ })
    .first()
    .locator("span.font-semibold");
  // USD is 1 per euro here, so the euro amount is the dollar one, written 12,34 €.
  await expect(germanPrice).toContainText(/≈ \d+,\d{2}\s€/);
  await german.close();
});
