import { expect, test } from "./support/fixtures";

const misspell = (w: string) => w.slice(0, 3) + w[4] + w[3] + w.slice(5);
const dollars = (s: string) => Number(s.replace(/[^0-9.]/g, ""));

test("a buyer types a misspelled query, sees suggestions, filters by category and price, sorts by price and opens a product", async ({
  page,
}) => {
  await page.goto("/");
  const titles = await page.locator("article h3").allTextContents();
  const word = titles.flatMap((t) => t.split(/\s+/)).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
  const typo = misspell(word.toLowerCase());

  const box = page.getByLabel("Search products");
  await box.click();
  await box.pressSequentially(typo.slice(0, 4), { delay: 80 });
  await expect(page.getByRole("listbox", { name: "Search suggestions" })).toBeVisible();
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.pressSequentially(typo.slice(4), { delay: 40 });
  await box.press("Escape");
  await page.getByRole("button", { name: "Search" }).click();

  await expect(page).toHaveURL(/\/search\?.*q=/);
  const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(results.first()).toBeVisible();

  const filters = page.getByRole("navigation", { name: "Filters" });
  await filters.getByRole("link").filter({ hasNotText: "All categories" }).first().click();
  await expect(page).toHaveURL(/category=/);
  await expect(results.first()).toBeVisible();

  await filters.getByLabel("Min $").fill("1");
  await filters.getByLabel("Max $").fill("5000");
  await filters.getByRole("button", { name: "Go" }).click();
  await expect(page).toHaveURL(/price_min=/);
  await expect(page.getByRole("list", { name: "Active filters" })).toBeVisible();

  await page.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(results.first()).toBeVisible();
  const prices = (await results.allTextContents()).map((t) => dollars(t.match(/\$[\d,]+\.\d{2}/)?.[0] ?? "0"));
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=price_asc/);
  await page.goForward();
  await expect(page).toHaveURL(/sort=price_asc/);

  const first = results.first().getByRole("link").first();
  const name = (await results.first().locator("h3, h2").first().textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});
