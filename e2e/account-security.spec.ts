import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";

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
