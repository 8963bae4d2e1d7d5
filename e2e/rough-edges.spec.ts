// The rough edges a first visit hit (issue 19), each checked the way a buyer or seller meets it.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, signIn, test, twoSellersProducts } from "./support/fixtures";
import { addToCart, confirmedOrderLinks, fillCard, placeOrder } from "./support/flows";

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
  ).toEqual([]);
}

/** The emulator's control API (where the pay page loads Stripe.js from). */
async function emulatorControl(page: Page): Promise<string> {
  const src = await page.locator('script[src$="/v3/stripe.js"]').getAttribute("src");
  return `${new URL(src!).origin}/_emulator`;
}

test("after paying, the confirmation page waits for the webhook and turns paid without a reload", async ({
  page,
  request,
  newBuyer,
}) => {
  test.setTimeout(150_000);
  const [mine] = await twoSellersProducts(request);
  await signIn(page, newBuyer);
  await addToCart(page, `/products/${mine.product_id}`);
  await placeOrder(page, { name: "Wait Webhook", street: "5 Elm Street", city: "Denver", postal: "80202" });
  await fillCard(page, "4242 4242 4242 4242");
  const control = await emulatorControl(page);
  // Every webhook waits a few seconds before delivery, so the page is seen before it arrives.
  expect(
    (await request.post(`${control}/chaos`, { data: { seed: 19, webhooks: { maxCopies: 1, maxDelayMs: 6000 } } })).ok(),
  ).toBe(true);
  try {
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
    // A marker that a reload or navigation would wipe.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await expect(page.locator("main").getByText("Paid", { exact: true })).toBeVisible({ timeout: 40_000 });
    await expect(page.getByRole("heading", { name: "Thank you, your order is placed" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  } finally {
    await request.delete(`${control}/chaos`);
  }
  await expect(confirmedOrderLinks(page)).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart, 0 items" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});
