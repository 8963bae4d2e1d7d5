import type { BrowserContext } from "@playwright/test";

import { emailedToken, expect, signIn, test } from "./support/fixtures";

const sessionCookieOf = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));

test("a password reset by emailed link signs out the browser that was still signed in", async ({
  browser,
  newBuyer,
}) => {
  const a = await (await browser.newContext()).newPage();
  await signIn(a, newBuyer);
  expect((await a.request.get("/api/v1/me")).status()).toBe(200);
  const aCookie = await sessionCookieOf(a.context());
  expect(aCookie).toBeDefined();

  // Another browser, signed out: the person forgot the password there.
  const b = await (await browser.newContext()).newPage();
  await b.goto("/sign-in");
  await b.getByRole("link", { name: "Forgot password?" }).click();
  await expect(b.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await b.getByLabel("Email").fill(newBuyer.email);
  await b.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(b.getByText("No email? Check your spam folder")).toBeVisible();

  const token = await emailedToken(browser, newBuyer.email, "/reset-password");
  await b.goto(`/reset-password?token=${token}`);
  const newPassword = "Recovered-pass-2026!";
  await b.getByLabel("New password").fill(newPassword);
  await b.getByRole("button", { name: "Set new password" }).click();
  await expect(b.getByText("every session of your account was signed out")).toBeVisible();
  await b.getByRole("link", { name: "Sign in with your new password" }).click();
  await signIn(b, { email: newBuyer.email, password: newPassword });

  // Browser A's next page load finds its session ended, and its cookie is refused by the API.
  await a.goto("/orders");
  await expect(a).toHaveURL(/\/sign-in\?callbackUrl=%2Forders/);
  const me = await a.request.get("/api/v1/me", { headers: { cookie: `${aCookie!.name}=${aCookie!.value}` } });
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe("unauthenticated");
  // The new sign-in is the one that works.
  expect((await b.request.get("/api/v1/me")).status()).toBe(200);
});

test("a saved session cookie is worthless after sign-out, in a fresh browser too", async ({
  browser,
  page,
  newBuyer,
}) => {
  await signIn(page, newBuyer);
  const saved = await sessionCookieOf(page.context());
  expect(saved).toBeDefined();
  await page.getByLabel("Account menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies([saved!]);
  const thief = await replay.newPage();
  const me = await thief.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe("unauthenticated");
  await thief.goto("/orders");
  await expect(thief).toHaveURL(/\/sign-in\?callbackUrl=%2Forders/);
});
