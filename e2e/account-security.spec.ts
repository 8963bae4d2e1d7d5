import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import pg from "pg";

import { DEMO_ADMIN_TOTP_SECRET } from "../dev/seed/demo-logins";
import { demoLogin, enterTotpCode, expect, signIn, test } from "./support/fixtures";

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations).toEqual([]);
}

const sessionCookie = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));

test("after sign-out, a copy of the old session cookie gets 401 from the API", async ({ page, newBuyer }) => {
  await signIn(page, newBuyer);
  const copy = await sessionCookie(page);
  expect(copy).toBeDefined();
  const asCopy = { headers: { cookie: `${copy!.name}=${copy!.value}` } };
  expect((await page.request.get("/api/v1/me", asCopy)).status()).toBe(200);

  await page.getByLabel("Account menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const me = await page.request.get("/api/v1/me", asCopy);
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe("unauthenticated");
});

test("a session revoked from /account/security is refused, on pages and on the API", async ({ browser, newBuyer }) => {
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (
    await browser.newContext({
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    })
  ).newPage();
  await signIn(phone, newBuyer);
  await signIn(laptop, newBuyer);

  await laptop.goto("/account/security");
  await expect(laptop.getByRole("heading", { name: "Signed-in sessions" })).toBeVisible();
  await expect(laptop.getByRole("listitem", { name: /this device$/ })).toBeVisible();
  const phoneRow = laptop.getByRole("listitem", { name: "Safari on iOS (mobile)" });
  await expect(phoneRow).toContainText("last seen");
  await expectAxeClean(laptop);

  await phoneRow.getByRole("button", { name: "Sign out" }).click();
  await expect(laptop.getByRole("listitem", { name: "Safari on iOS (mobile)" })).toHaveCount(0);

  expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  // The laptop's own session is untouched.
  expect((await laptop.request.get("/api/v1/me")).status()).toBe(200);
});

test("sign out everywhere else keeps only this device", async ({ browser, newBuyer }) => {
  const [a, b, c] = await Promise.all([1, 2, 3].map(async () => (await browser.newContext()).newPage()));
  for (const p of [a, b, c]) await signIn(p, newBuyer);
  await a.goto("/account/security");
  await a.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(a.getByText("Signed out 2 other sessions.")).toBeVisible();
  expect((await b.request.get("/api/v1/me")).status()).toBe(401);
  expect((await c.request.get("/api/v1/me")).status()).toBe(401);
  expect((await a.request.get("/api/v1/me")).status()).toBe(200);
});

/**
 * The database of the instance under test, to make a fresh account an admin: the one
 * scripts/start.ts wrote for the suite's server (also when BASE_URL is that same server).
 */
function suiteDatabaseUrl(baseURL: string | undefined): string | null {
  const file = resolve(".data/e2e/web-processes.json");
  if (!existsSync(file)) return null;
  const cluster = JSON.parse(readFileSync(file, "utf8")) as { url: string; databaseUrl: string };
  return !process.env.BASE_URL || new URL(cluster.url).port === new URL(baseURL ?? "http://x").port
    ? cluster.databaseUrl
    : null;
}

async function signOut(page: Page) {
  await page.getByLabel("Account menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function passwordStep(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
}

test("an admin without two-factor is sent to set it up, then must give a code at every sign-in", async ({
  page,
  newBuyer,
  baseURL,
}) => {
  const databaseUrl = suiteDatabaseUrl(baseURL);
  test.skip(!databaseUrl, "needs the database of the instance under test to make a fresh account an admin");
  // Up to one 30-second step waiting for a code not yet used (the one that turned 2FA on).
  test.setTimeout(150_000);
  const db = new pg.Client({ connectionString: databaseUrl! });
  await db.connect();
  try {
    await db.query("UPDATE users SET role = 'admin' WHERE email = $1", [newBuyer.email]);
  } finally {
    await db.end();
  }

  await signIn(page, newBuyer);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/account\/security\?required=admin&callbackUrl=%2Fadmin%2Fusers/);
  await expect(page.getByText("Admins must turn on two-factor sign-in")).toBeVisible();
  await expectAxeClean(page);

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code is not right.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!;
  await expectAxeClean(page);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The next sign-in stops at the code: no session until it is right.
  await signOut(page);
  await passwordStep(page, newBuyer);
  expect(await sessionCookie(page)).toBeUndefined();
  await expectAxeClean(page);
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("main form").getByRole("alert")).toContainText("not right");
  expect(await sessionCookie(page)).toBeUndefined();
  await enterTotpCode(page, secret);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/admin\/users$/);

  // A recovery code works once.
  await signOut(page);
  await passwordStep(page, newBuyer);
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Account menu")).toBeVisible();
  await signOut(page);
  await passwordStep(page, newBuyer);
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("main form").getByRole("alert")).toContainText("not right");
});

test("the demo admin signs in with the published authenticator secret", async ({ page }) => {
  const admin = demoLogin("admin");
  await passwordStep(page, admin);
  await enterTotpCode(page, DEMO_ADMIN_TOTP_SECRET);
  await page.goto("/account/security");
  await expect(page.getByText("Two-factor sign-in is on")).toBeVisible();
});
