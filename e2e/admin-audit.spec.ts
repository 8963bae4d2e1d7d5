// The audit log in the admin console: an admin's decision appears with who made it and from
// where, the filters narrow it, the page is accessible; anyone else is refused.
import AxeBuilder from "@axe-core/playwright";

import { demoLogin, expect, signIn, test } from "./support/fixtures";

test("an admin's suspension is in the audit log with who, what and from where; the filters find it", async ({
  page,
  newBuyer,
}) => {
  await signIn(page, demoLogin("admin"));
  await page.goto(`/admin/users?q=${encodeURIComponent(newBuyer.email)}`);
  const form = page.getByRole("form", { name: `Suspend ${newBuyer.email}` });
  await form.getByLabel("Reason they will be told").fill("Audit trail check: fake orders");
  await form.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByText("Suspended. They were signed out")).toBeVisible();

  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Action").selectOption("account.suspended");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=account\.suspended/);
  const row = page.getByRole("row").filter({ hasText: "Audit trail check: fake orders" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(demoLogin("admin").email);
  await expect(row).toContainText("Account suspended");
  // From where: the client's address and browser.
  await expect(row).toContainText(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
  await expect(row).toContainText("Mozilla");
  // The viewer's locale: the browser replaced the server's UTC text.
  await expect(row.locator("time")).not.toContainText("UTC");

  // Following the target narrows the log to that account.
  await row.getByRole("link", { name: /^user / }).click();
  await expect(page).toHaveURL(/targetType=user&targetId=/);
  await expect(page.getByRole("row").filter({ hasText: "Account suspended" })).toHaveCount(1);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a buyer is refused the audit log; a visitor is sent to sign in", async ({ page, newBuyer }) => {
  const anonymous = await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Faudit/);
  expect(anonymous?.ok()).toBe(true);
  await signIn(page, newBuyer);
  const res = await page.goto("/admin/audit");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});
