import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

test("search results page through plain links: a named landmark marks the current page, and the pages have no serious accessibility violations", async ({
  page,
}) => {
  await page.goto("/search");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toBeVisible();
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
  await expect(pages.getByRole("link", { name: "Previous" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");
  await expect(pages.getByRole("link", { name: "Page 1" })).toBeVisible();

  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
  await expectNoSeriousA11yViolations(page);
});
