// Fixtures QA engineers use to seed their own data against any instance (BASE_URL):
// `newBuyer` signs up a fresh account through the public API; `signIn` signs in through
// the real form. Demo accounts are in lib/seed/demo-logins.ts.
import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_LOGINS } from "../../lib/seed/demo-logins";

export type TestAccount = { email: string; password: string; name: string };

export const demoLogin = (role: "buyer" | "seller" | "admin") => DEMO_LOGINS.find((l) => l.role === role)!;

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Account menu" }).or(page.getByLabel("Account menu"))).toBeVisible();
}

export const test = base.extend<{ newBuyer: TestAccount }>({
  newBuyer: async ({ request }, use) => {
    const account = { email: `qa-${randomBytes(5).toString("hex")}@example.test`, password: "Qa-password-2026!", name: "QA Buyer" };
    const res = await request.post("/api/v1/users", { data: account });
    expect(res.status(), await res.text()).toBe(201);
    await use(account);
  },
});

export { expect };
