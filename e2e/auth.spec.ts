import { randomBytes } from "node:crypto";

import { confirmEmail, demoLogin, expect, signIn, test } from "./support/fixtures";

test("a visitor signs up, confirms their email, opens a shop and reaches the seller dashboard", async ({
  page,
  browser,
}) => {
  const email = `new-${randomBytes(4).toString("hex")}@example.test`;
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("Your name").fill("Ada Seller");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("Str0ng-enough-pw");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Account menu")).toBeVisible();

  // Unconfirmed, opening a shop is refused with what to do.
  await page.goto("/become-seller");
  await page.getByLabel("Shop name").fill("Too Early Shop");
  await page.getByRole("button", { name: "Open my shop" }).click();
  await expect(page.locator("main form").getByRole("alert")).toContainText(
    "Confirm your email address before opening a shop.",
  );
  await confirmEmail(browser, page.request, email);

  await page.getByLabel("Account menu").click();
  await page.getByRole("link", { name: "Become a seller" }).click();
  await page.getByLabel("Shop name").fill(`Ada's Workshop ${randomBytes(2).toString("hex")}`);
  await page.getByRole("button", { name: "Open my shop" }).click();
  await expect(page).toHaveURL(/\/seller/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ada's Workshop");
  await expect(page.getByText("Your shop is open.")).toBeVisible();
});

test("sign-in refuses a wrong password with a clear message", async ({ page, newBuyer }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(newBuyer.email);
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await signIn(page, newBuyer);
  await page.goto("/account");
  await expect(page.locator("main").getByText(newBuyer.email)).toBeVisible();
});

test("sign-up with a taken email says so and creates nothing", async ({ page, newBuyer }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Email").fill(newBuyer.email);
  await page.getByLabel("Password").fill("Another-pw-123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("main form").getByRole("alert")).toContainText("already exists");
});

test("a buyer is refused the admin console and the seller dashboard sends them to open a shop", async ({
  page,
  newBuyer,
}) => {
  await signIn(page, newBuyer);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const seller = await page.goto("/seller");
  expect(seller?.status()).toBe(403);
});

test("an anonymous visitor is sent to sign in for the seller dashboard", async ({ page }) => {
  await page.goto("/seller");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fseller/);
});

test("demo logins reach their areas and the admin sees the welcome email in the mailbox", async ({
  page,
  newBuyer,
}) => {
  await signIn(page, demoLogin("seller"));
  await page.goto("/seller");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main").getByText("Live listings", { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, demoLogin("admin"));
  await page.goto(`/admin/mailbox?to=${encodeURIComponent(newBuyer.email)}`);
  await expect(page.getByText("Welcome to the marketplace")).toBeVisible();
  // The worker delivers it within seconds; reload until it is marked sent.
  await expect(async () => {
    await page.reload();
    await expect(
      page.locator("main li").filter({ hasText: "Welcome to the marketplace" }).getByText("sent", { exact: true }),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test("an admin suspends an account: the person is signed out, can't sign in and is told why; reinstated, they can sign in again", async ({
  page,
  browser,
  newBuyer,
}) => {
  await signIn(page, newBuyer);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto(`/admin/users?q=${encodeURIComponent(newBuyer.email)}`);
  const row = admin.locator("main li").filter({ hasText: newBuyer.email });
  await row.getByLabel("Reason they will be told").fill("Repeated chargebacks on delivered orders");
  await row.getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByText("Suspended. They were signed out and told why by email.")).toBeVisible();

  await page.goto("/orders");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(newBuyer.email);
  await page.getByLabel("Password").fill(newBuyer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main form").getByRole("alert")).toHaveText("This account is suspended. Contact support.");

  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(newBuyer.email)}`);
  // The email as its HTML part, in a frame that can run no script, and then as plain text.
  const email = admin.locator("main li").filter({ hasText: "Your marketplace account is suspended" });
  await email.getByText("Your marketplace account is suspended").click();
  await expect(email.locator("iframe")).toHaveAttribute("sandbox", "");
  await expect(
    email
      .locator("iframe")
      .contentFrame()
      .getByText("We suspended your account: Repeated chargebacks on delivered orders"),
  ).toBeVisible();
  await email.getByRole("button", { name: "Plain text" }).click();
  await expect(email.getByRole("button", { name: "Plain text" })).toHaveAttribute("aria-pressed", "true");
  await expect(email.getByText("We suspended your account: Repeated chargebacks on delivered orders")).toBeVisible();

  await admin.goto(`/admin/users?q=${encodeURIComponent(newBuyer.email)}&status=suspended`);
  await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Reinstate" }).click();
  // Reinstated, the account leaves the "suspended" list.
  await expect(row).toHaveCount(0);
  await signIn(page, newBuyer);
});
