import { expect, test } from "./support/fixtures";

test("on a phone the header keeps search, cart and sign-in within the screen", async ({ page }) => {
  await page.goto("/");
  const width = page.viewportSize()!.width;
  for (const el of [
    page.getByLabel("Search products"),
    page.getByRole("banner").getByRole("link", { name: /Cart/ }),
    page.getByRole("banner").getByRole("link", { name: "Sign in" }),
  ]) {
    await expect(el).toBeVisible();
    const box = (await el.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width + 1);
});
