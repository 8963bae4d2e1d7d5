// Platform analytics in the admin console: after a purchase and a search that finds nothing, an
// admin opens /admin/analytics from the console's nav, sees the charts and the money table, picks
// a date range, and downloads the CSV, whose GMV total is the one the page shows (both read from
// the ledger). The page passes axe; a buyer is refused the page and the export.
import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";

import { demoLogin, expect, signIn, test } from "./support/fixtures";
import { buyAndPay, onboardedSellerWithListing } from "./support/flows";

const usd = (major: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(major));

test("an admin reads GMV and take rate for a range, and the CSV's GMV total matches the page", async ({
  browser,
  page,
  newBuyer,
}) => {
  test.setTimeout(240_000);
  const seller = await onboardedSellerWithListing(browser, "Platform", "18.75");
  const buyer = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(buyer, newBuyer);
  await buyAndPay(buyer, seller.title);
  const nothing = `qqzxv${Date.now().toString(36)}`;
  expect((await buyer.goto(`/search?q=${nothing}`))?.ok()).toBe(true);

  await signIn(page, demoLogin("admin"));
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Platform analytics", level: 1 })).toBeVisible();
  await expect(page.locator("section[aria-labelledby='gmv-heading'] svg.recharts-surface")).toBeVisible();

  // A custom range: today only.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Period").selectOption({ label: "Custom (dates below)" });
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  // No error message (Next's route announcer is an empty alert after a client navigation).
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);

  const moneyTable = page.getByRole("table", { name: "Money by currency, from the ledger" });
  const usdCell = (n: number) => moneyTable.locator("tr[data-currency='USD']").getByRole("cell").nth(n);
  // The purchase is in today's numbers.
  await expect(usdCell(2)).not.toHaveText("$0.00");
  // The search that found nothing is listed for the synonyms (the log is written within a second).
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Searches with no results" })).toContainText(nothing, {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Other specs may be paying meanwhile: the page read just before and just after the download agree with it.
  await expect(async () => {
    await page.reload();
    const before = await usdCell(2).textContent();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const csv = (await readFile((await (await download).path())!, "utf8")).trim().split("\r\n");
    expect(csv[0]).toBe(
      "date,currency,orders,gmv,commission,take_rate,refunds,refund_rate,chargebacks,chargeback_losses",
    );
    const total = csv.find((l) => l.startsWith("total,USD,"))!.split(",");
    const day = csv.find((l) => l.startsWith(`${today},USD,`))!.split(",");
    expect(day[3]).toBe(total[3]);
    await page.reload();
    expect(await usdCell(2).textContent()).toBe(before);
    expect(usd(total[3]!)).toBe(before);
    expect(Number(total[2])).toBeGreaterThanOrEqual(1);
  }).toPass({ timeout: 30_000 });
});

test("a buyer is refused the platform analytics page and its export", async ({ page, newBuyer }) => {
  await signIn(page, newBuyer);
  const res = await page.goto("/admin/analytics");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const csv = await page.request.get("/api/v1/admin/analytics/export?days=7");
  expect(csv.status()).toBe(403);
  expect(((await csv.json()) as { error: { code: string } }).error.code).toBe("forbidden");
});
