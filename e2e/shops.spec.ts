// Shop pages: a visitor follows "Sold by" from a product to the shop's page, which lists the
// shop's products and searches inside the shop; the seller edits the page's description from the
// dashboard and sees it there; an unknown shop is a 404.
import AxeBuilder from "@axe-core/playwright";

import { demoLogin, expect, signIn, test } from "./support/fixtures";

test("a visitor goes from a product to its shop, whose page lists and searches the shop's products", async ({
  page,
}) => {
  await page.goto("/search");
  const card = page.locator("main a:has(h3)").first();
  const title = (await card.locator("h3").textContent())!.trim();
  await card.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const soldBy = page.getByText(/^Sold by/).getByRole("link");
  const shopName = (await soldBy.textContent())!.trim();
  await soldBy.click();
  await expect(page).toHaveURL(/\/shops\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: shopName })).toBeVisible();
  await expect(page.getByText(/\d+ sales?/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Shipping" })).toBeVisible();
  const listings = page.getByRole("region", { name: /Listings/ });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Searching the shop for the product's longest word finds it, and only this shop's listings show.
  const word = (title.match(/[A-Za-z]{3,}/g) ?? [title]).sort((a, b) => b.length - a.length)[0];
  await page.getByRole("searchbox", { name: "Search this shop" }).fill(word);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Listings matching “${word}”`) })).toBeVisible();
  await expect(page.locator("main a:has(h3)").filter({ hasText: title }).first()).toBeVisible();
  for (const shop of await page.locator("main article p.text-xs").allTextContents()) expect(shop).toBe(shopName);
  await page.getByRole("searchbox", { name: "Search this shop" }).fill("zzqx-no-such-thing");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No listings in this shop match those words.")).toBeVisible();
  await expect(listings).toBeVisible();

  const missing = await page.goto("/shops/no-such-shop-here");
  expect(missing?.status()).toBe(404);
});

test("a seller writes the shop page's description and buyers see it", async ({ page }) => {
  await signIn(page, demoLogin("seller"));
  await page.goto("/seller/shop");
  await expect(page.getByRole("heading", { name: "Shop page" })).toBeVisible();
  const about = `Thrown on the wheel in small batches ${Date.now()}.`;
  // A name of one letter is refused, and what was typed stays in the form.
  const name = page.getByLabel("Shop name");
  const original = await name.inputValue();
  // Spaces pass the browser's own length check; the server trims them and refuses the name.
  await name.fill("   ");
  await page.getByLabel("About the shop").fill(about);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Check the fields marked below.")).toBeVisible();
  await expect(page.getByText("Shop name must be at least 2 characters.")).toBeVisible();
  await expect(page.getByLabel("About the shop")).toHaveValue(about);
  await name.fill(original);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Shop page saved.")).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("link", { name: /View your shop page/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: original })).toBeVisible();
  await expect(page.getByText(about)).toBeVisible();
});
