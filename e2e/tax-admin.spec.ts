// The tax console: an admin changes a rate (refused with a sentence when it is not one), sees the
// rules table, and downloads the tax report of a period as CSV, whose header and totals are what
// the page shows.
import AxeBuilder from "@axe-core/playwright";

import { demoLogin, expect, signIn, test } from "./support/fixtures";

test("an admin adds a tax rule, a bad rate is refused, and the tax report downloads as CSV", async ({ page }) => {
  await signIn(page, demoLogin("admin"));
  await page.goto("/admin/tax");
  await expect(page.getByRole("heading", { name: "Tax rules" })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a tax rule" });

  // A negative rate: a sentence, and no rule for New Zealand appears.
  await form.getByLabel("Country").fill("NZ");
  await form.getByLabel("Rate (%)").fill("-15");
  await form.getByLabel("Name buyers see").fill("GST");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByText(/not negative/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "New Zealand" })).toHaveCount(0);

  await form.getByLabel("Rate (%)").fill("15");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText(/^GST 15\.00% for NZ from \d{4}-\d{2}-\d{2}\.$/)).toBeVisible();
  await page.goto("/admin/tax?country=NZ");
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "New Zealand" }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("15.00%");
  await expect(row).toContainText("Included");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.getByRole("link", { name: /Tax collected by jurisdiction/ }).click();
  await expect(page.getByRole("heading", { name: "Tax report" })).toBeVisible();
  // A start after the end is refused with a sentence.
  await page.getByLabel("From").fill("2026-03-02");
  await page.getByLabel("To").fill("2026-03-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("The start date must be on or before the end date.")).toBeVisible();

  await page.goto("/admin/tax/report");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download CSV/ }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toBe(
    "jurisdiction,name,tax,included_in_price,currency,orders,net_sales,tax_collected,tax_refunded,tax_reversed,net_tax_payable",
  );
  // Every currency's total row on the page is the CSV's total row.
  for (const total of lines.filter((l) => l.startsWith("total,"))) {
    const cells = total.split(",");
    await expect(page.getByRole("row", { name: new RegExp(`^Total ${cells[4]}`) })).toContainText(cells[5]);
  }
  const axeReport = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axeReport.violations.map((v) => v.id)).toEqual([]);
});
