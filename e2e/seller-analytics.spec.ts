// A seller's analytics: a buyer (an ordinary browser, not a crawler) views the new listing,
// adds it to the cart and pays; within a minute the seller's /seller/analytics shows the sale in
// the revenue table and the funnel, the after-sale blocks (rates, rating trend, payouts, the
// inventory forecast) show it, and the CSV they download has the same totals.
import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";

import { expect, signIn, test } from "./support/fixtures";
import { buyAndPay, onboardedSellerWithListing } from "./support/flows";

// Headless Chromium says "HeadlessChrome", which isbot counts as a crawler; a person's browser doesn't.
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

test("a seller sees a new paid order in the revenue table and the funnel, and the CSV's totals match", async ({
  browser,
  newBuyer,
}) => {
  test.setTimeout(240_000);
  const seller = await onboardedSellerWithListing(browser, "Analytics", "12.50");
  const buyer = await (await browser.newContext({ userAgent: BROWSER_UA, locale: "en-US" })).newPage();
  await signIn(buyer, newBuyer);
  await buyAndPay(buyer, seller.title);

  const page = seller.page;
  await page.goto("/seller");
  // Exactly: the dashboard also links the shop's page, whose address may contain the word.
  await page.getByRole("link", { name: "Analytics", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await page.getByLabel("Period").selectOption("7");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/days=7/);

  const funnel = page.getByRole("table", { name: "Conversion funnel" });
  const step = (name: string) =>
    funnel
      .getByRole("row", { name: new RegExp(`^${name}`) })
      .getByRole("cell")
      .nth(1);
  // The order is recorded paid from its domain event by the worker: within a minute.
  await expect(async () => {
    await page.reload();
    await expect(step("Paid orders")).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(step("Checkouts started")).toHaveText("1");
  await expect(step("Added to cart")).toHaveText("1");
  expect(Number(await step("Product views").textContent())).toBeGreaterThanOrEqual(1);

  await expect(page.getByText("$12.50").first()).toBeVisible();
  await page.getByText("Revenue and orders by day as a table").click();
  const byDay = page.getByRole("table", { name: "Revenue and paid orders by day" });
  const today = new Date().toISOString().slice(0, 10);
  await expect(byDay.locator(`tr[data-day="${today}"]`).getByRole("cell").nth(2)).toHaveText("$12.50");
  await expect(
    page.getByRole("table", { name: "Top products by revenue" }).getByRole("row", { name: new RegExp(seller.title) }),
  ).toContainText("$12.50");

  // The after-sale blocks: one paid order, nothing refunded, returned or disputed yet; no reviews;
  // the order's money (less commission) held in escrow; the listing's days of cover at 1 sold in 28 days.
  const afterSale = page.getByRole("table", { name: "Refunds, returns and disputes per paid order" });
  const afterSaleRow = (name: string) => afterSale.getByRole("row", { name: new RegExp(`^${name}`) }).getByRole("cell");
  await expect(afterSaleRow("Paid orders").nth(1)).toHaveText("1");
  for (const name of ["Orders refunded", "Returns requested", "Orders disputed"]) {
    await expect(afterSaleRow(name).nth(1)).toHaveText("0");
    await expect(afterSaleRow(name).nth(2)).toHaveText("0%");
  }
  await expect(page.getByText("No reviews of your products in this period.")).toBeVisible();
  const payouts = page.getByRole("region", { name: "Payouts" });
  const held = payouts.getByText("Held in escrow").locator("..");
  const heldCents = Math.round(Number((await held.locator("p").nth(1).textContent())!.replace(/[^0-9.]/g, "")) * 100);
  expect(heldCents).toBeGreaterThan(0);
  expect(heldCents).toBeLessThan(1250);
  await expect(payouts.getByText("Next payout")).toBeVisible();
  const forecastRow = page
    .getByRole("table", { name: "Inventory forecast, most urgent first" })
    .getByRole("row", { name: new RegExp(seller.title) })
    .getByRole("cell");
  // 5 listed, 1 bought: 4 left at 1/28 a day is 112 days of cover.
  await expect(forecastRow.nth(1)).toHaveText("4");
  await expect(forecastRow.nth(2)).toHaveText("1");
  await expect(forecastRow.nth(4)).toHaveText("112");
  await expect(forecastRow.nth(5)).toHaveText("OK");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = (await readFile((await (await download).path())!, "utf8")).trim().split("\r\n");
  expect(csv[0]).toBe("date,product_views,add_to_carts,checkouts_started,paid_orders,refunds,revenue_USD");
  const total = csv.at(-1)!.split(",");
  expect(total[0]).toBe("total");
  expect(total[4]).toBe("1");
  expect(total[6]).toBe("12.50");
  expect(csv.find((l) => l.startsWith(today))?.split(",")[6]).toBe("12.50");
});
