import { randomBytes } from "node:crypto";

import { demoLogin, expect, signIn, test } from "./support/fixtures";
import { makeImages } from "./support/make-images";

test("a seller lists a product with three photos; it passes moderation and buyers find it on the home and category pages", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Handmade walnut bowl ${randomBytes(3).toString("hex")}`;
  await signIn(page, demoLogin("seller"));
  await page.goto("/seller/products/new");
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Description")
    .fill("Turned from a single piece of **walnut**.\n\n- food safe\n- hand finished");
  const category = page.getByLabel("Category");
  const option = await category.locator("option").filter({ hasText: "›" }).first().textContent();
  await category.selectOption({ label: option! });
  await page.getByLabel("Price").fill("249.00");
  await page.getByLabel("Stock").fill("12");

  await page.getByLabel("Add images").setInputFiles(await makeImages(3));
  for (const alt of ["Image 1 (cover)", "Image 2", "Image 3"])
    await expect(page.getByRole("img", { name: alt, exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Move image 3 left" }).click();

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/seller\/products\/[0-9a-f-]{36}\?saved=1/);
  const productId = page.url().match(/products\/([0-9a-f-]{36})/)![1];

  // The moderation job runs in the worker; the listing goes live within seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // Signed-out visitors get the home page from the page cache, refreshed every few seconds.
  const buyer = await browser.newPage();
  await expect(async () => {
    await buyer.goto("/");
    await expect(buyer.getByRole("link", { name: new RegExp(title) })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const categoryPath = option!.split(" › ");
  await buyer.getByRole("link", { name: categoryPath[0], exact: true }).first().click();
  await buyer.getByRole("link", { name: categoryPath[1], exact: true }).click();
  await expect(buyer.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await buyer.getByRole("link", { name: new RegExp(title) }).click();
  await expect(buyer).toHaveURL(new RegExp(`/products/${productId}`));
  await expect(buyer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(buyer.getByText("$249.00")).toBeVisible();
  await expect(buyer.getByText("In stock")).toBeVisible();
  await expect(buyer.getByRole("button", { name: "Show image 3" })).toBeVisible();
  await expect(buyer.locator("strong", { hasText: "walnut" })).toBeVisible();
});
