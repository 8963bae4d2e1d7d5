// Fixtures QA engineers use to seed their own data against any instance (BASE_URL):
// `newBuyer` signs up a fresh account through the public API; `signIn` signs in through
// the real form. Demo accounts are in dev/seed/demo-logins.ts.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Cookie,
  type Page,
} from "@playwright/test";
import { generate } from "otplib";

import { DEMO_LOGINS } from "../../dev/seed/demo-logins";
import { DEMO_SHOPS } from "../../dev/seed/demo-shops";

export type TestAccount = { email: string; password: string; name: string };

export const demoLogin = (role: "buyer" | "seller" | "admin") => DEMO_LOGINS.find((l) => l.role === role)!;

/** Where admin-session.setup.ts keeps the demo admin's session for this run. */
export const ADMIN_SESSION_FILE = ".data/test-results/admin-session.json";

/**
 * Signs in through the real form. The demo admin (an account with `totpSecret`) instead gets the
 * session admin-session.setup.ts signed in once for the run: a TOTP code is good once, and
 * parallel specs signing in through the form would queue for 30-second steps. Specs that test
 * the two-factor form use `enterTotpCode`.
 */
export async function signIn(
  page: Page,
  account: { email: string; password: string; totpSecret?: string },
): Promise<void> {
  if (account.totpSecret) {
    const state = JSON.parse(await readFile(ADMIN_SESSION_FILE, "utf8")) as { cookies: Cookie[] };
    await page.context().addCookies(state.cookies);
    await page.goto("/");
  } else {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page.getByRole("button", { name: "Account menu" }).or(page.getByLabel("Account menu"))).toBeVisible();
}

// The demo admin's session in this worker, kept for reading the dev mailbox: the stand-in for each
// person's own inbox (with SMTP_URL set, the same emails go out by SMTP).
let mailboxReader: Promise<BrowserContext> | undefined;
function mailboxContext(browser: Browser): Promise<BrowserContext> {
  mailboxReader ??= browser.newContext({ storageState: ADMIN_SESSION_FILE });
  return mailboxReader;
}

/** The token of the newest link to `path` (e.g. "/verify-email") emailed to `to`, read from the dev mailbox. */
export async function emailedToken(browser: Browser, to: string, path: string): Promise<string> {
  const reader = await mailboxContext(browser);
  let token: string | undefined;
  await expect(async () => {
    const html = await (await reader.request.get(`/admin/mailbox?to=${encodeURIComponent(to)}`)).text();
    // Newest first: the first link is the one that works.
    token = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(html)?.[1];
    expect(token, `no ${path} link emailed to ${to}`).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return token!;
}

/** Confirms a new account's email address as its owner would: with the link from the confirmation email. */
export async function confirmEmail(browser: Browser, request: APIRequestContext, email: string): Promise<void> {
  const token = await emailedToken(browser, email, "/verify-email");
  const res = await request.post("/api/v1/users/email-verification", { data: { token } });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * Answers the sign-in's two-factor step. A code is good once, and another spec may have just
 * signed the same account in with this step's code: then it waits for the next step's.
 */
export async function enterTotpCode(page: Page, secret: string): Promise<void> {
  const menu = page.getByLabel("Account menu");
  const refused = page.locator("main form").getByRole("alert");
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel("Authentication code").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(menu.or(refused)).toBeVisible();
    if (await menu.isVisible()) return;
    await page.waitForTimeout(30_500 - (Date.now() % 30_000));
  }
  throw new Error(`the two-factor step kept refusing codes: ${await refused.textContent()}`);
}

export const test = base.extend<{ newBuyer: TestAccount }>({
  // A fresh buyer with a confirmed address, so checkouts of any size go through.
  newBuyer: async ({ request, browser }, use) => {
    const account = {
      email: `qa-${randomBytes(5).toString("hex")}@example.test`,
      password: "Qa-password-2026!",
      name: "QA Buyer",
    };
    const res = await request.post("/api/v1/users", { data: account });
    expect(res.status(), await res.text()).toBe(201);
    await confirmEmail(browser, request, account.email);
    await use(account);
  },
});

export { expect };

type PublicProduct = {
  product_id: string;
  title: string;
  seller: { shop_name: string };
  inventory_count: number;
  price: { amount_cents: number };
};

const SEEDED_SHOPS = new Set(DEMO_SHOPS.map((s) => s.shopName));

/** Live products with stock, one from the demo seller's shop and one from another shop, read through the public API. */
export async function twoSellersProducts(
  request: import("@playwright/test").APIRequestContext,
  demoShop = "Northwind Goods",
): Promise<[PublicProduct, PublicProduct]> {
  let mine: PublicProduct | undefined;
  let other: PublicProduct | undefined;
  for (let page = 1; page <= 5 && !(mine && other); page++) {
    const html = await (await request.get(`/search?page=${page}`)).text();
    const ids = [...new Set([...html.matchAll(/\/products\/([0-9a-f-]{36})/g)].map((m) => m[1]))];
    for (const id of ids) {
      const res = await request.get(`/api/v1/products/${id}`);
      if (!res.ok()) continue;
      const p = (await res.json()) as PublicProduct;
      if (p.inventory_count < 3) continue;
      // Only the seeded shops: a shop another spec has just opened is that spec's to buy from, and
      // an order here would show up in its seller's lists (two orders where it expects one).
      if (!SEEDED_SHOPS.has(p.seller.shop_name)) continue;
      if (p.seller.shop_name === demoShop) mine ??= p;
      else other ??= p;
      if (mine && other) break;
    }
  }
  if (!mine || !other)
    throw new Error("The catalog needs live products with stock from two shops (run the demo seed).");
  return [mine, other];
}

// "Run daily payouts now" pays out every seller on the suite's one shared database, not only the
// test's own. A spec that presses it, or that reads a seller's available balance between a release
// and its next step, would see another spec's run take that money ("Nothing to pay out", a balance
// already at $0.00). Spec files that declare this Playwright lock (test.describe.configure) never
// run at the same time, across files and workers, while the rest of the suite runs beside them.
// Per-seller isolation isn't possible (a run has no seller filter), and a `workers: 1` project
// would hide these files from `--project desktop`.
export const PAYOUT_RUN_LOCK = "daily-payout-run";
