// Multi-step flows several specs share: a seller who onboards and lists, shipping an order,
// and a buyer who buys one product and pays with a test card.
import { randomBytes } from "node:crypto";

import type { Browser, Page } from "@playwright/test";

import { confirmEmail, expect, signIn } from "./fixtures";
import { makeImages } from "./make-images";

/**
 * A new seller who signs up, opens a shop, connects payouts on the (emulated) Stripe onboarding
 * page (unless `payouts: false`: a seller who hasn't yet) and lists one product.
 */
export async function onboardedSellerWithListing(
  browser: Browser,
  label: string,
  price: string,
  opts: { payouts?: boolean } = {},
): Promise<{ page: Page; title: string; shop: string; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = `seller-${randomBytes(4).toString("hex")}@example.test`;
  const shop = `${label} ${randomBytes(2).toString("hex")}`;
  expect(
    (await page.request.post("/api/v1/users", { data: { email, password: "Seller-pass-2026", name: label } })).status(),
  ).toBe(201);
  // Opening a shop needs a confirmed address.
  await confirmEmail(browser, page.request, email);
  await signIn(page, { email, password: "Seller-pass-2026" });
  await page.goto("/become-seller");
  await page.getByLabel("Shop name").fill(shop);
  await page.getByRole("button", { name: "Open my shop" }).click();
  await expect(page).toHaveURL(/\/seller/);

  if (opts.payouts !== false) await connectPayouts(page);

  const title = await listProduct(page, label, price);
  return { page, title, shop, email };
}

/** The signed-in seller on `page` lists a product (5 in stock, one photo) and waits until moderation makes it live and the worker's indexer makes it searchable; returns its title. */
export async function listProduct(page: Page, label: string, price: string): Promise<string> {
  const title = `${label} item ${randomBytes(3).toString("hex")}`;
  await page.goto("/seller/products/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByLabel("Price").fill(price);
  await page.getByLabel("Stock").fill("5");
  await page.getByLabel("Add images").setInputFiles(await makeImages(1));
  await expect(page.getByRole("img", { name: "Image 1 (cover)" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\?saved=1/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // Search is kept by the worker's outbox indexer, not by the search itself.
  await expect(async () => {
    const found = (await (await page.request.get(`/api/v1/search?q=${encodeURIComponent(title)}`)).json()) as {
      results: { title: string }[];
    };
    expect(found.results.map((r) => r.title)).toContain(title);
  }).toPass({ timeout: 30_000 });
  return title;
}

/** The signed-in seller on `page` connects payouts through the (emulated) Stripe hosted onboarding. */
export async function connectPayouts(page: Page): Promise<void> {
  await page.goto("/seller/payments");
  await page.getByRole("button", { name: "Set up payouts with Stripe" }).click();
  await page.getByRole("button", { name: "Complete verification" }).click();
  await expect(page).toHaveURL(/\/seller\/payments\?returned=1/);
  await expect(page.getByText("Your payout account is connected.")).toBeVisible();
}

export async function ship(page: Page, title: string | RegExp) {
  await page.goto("/seller/orders?filter=to-ship");
  const card = page.locator("main li").filter({ hasText: title });
  await card.getByLabel("Carrier").fill("UPS");
  await card.getByLabel("Tracking number").fill(`1Z${randomBytes(5).toString("hex").toUpperCase()}`);
  await card.getByRole("button", { name: "Mark shipped" }).click();
  await expect(card).toHaveCount(0);
}

/** Adds one unit of the product (on its page, opened first when a path is given) and waits for the confirmation. */
export async function addToCart(page: Page, productPath?: string): Promise<void> {
  if (productPath) await page.goto(productPath);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
}

/** On /checkout: adds a shipping address when the buyer has none yet. */
export async function ensureAddress(
  page: Page,
  a: { name: string; street: string; city: string; postal: string },
): Promise<void> {
  if ((await page.getByRole("radio").count()) > 0) return;
  await page.getByLabel("Full name").fill(a.name);
  await page.getByLabel("Street address").fill(a.street);
  await page.getByLabel("City").fill(a.city);
  await page.getByLabel("Postal code").fill(a.postal);
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("radio")).toBeChecked();
}

/** Types a test card into the Payment Element. */
export async function fillCard(page: Page, number: string): Promise<void> {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
}

/** Reloads the page (the confirmation page or the orders list) until `count` orders show as paid (the payment_intent.succeeded webhook). */
export async function expectPaidOrders(page: Page, count: number): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.locator("main").getByText("Paid", { exact: true })).toHaveCount(count, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

type Address = { name: string; street: string; city: string; postal: string };

/** From a filled cart: the checkout page, an address, "Place order" (clicked or double-clicked); returns the checkout id. */
export async function placeOrder(page: Page, address: Address, click: "click" | "dblclick" = "click"): Promise<string> {
  await page.goto("/checkout");
  await ensureAddress(page, address);
  await page.getByRole("button", { name: "Place order" })[click]();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

/** The order links on the confirmation page after paying (one per shop), named by order number. */
export function confirmedOrderLinks(page: Page) {
  return page.getByRole("region", { name: /^Your (order|\d+ orders)/ }).getByRole("link", { name: /^#[0-9a-f]{8}$/ });
}

/** The signed-in buyer on `page` buys one unit of the product and pays by card (4242 unless told), ending on the confirmation page with the order paid. */
export async function buyAndPay(
  page: Page,
  title: string,
  opts: { address?: Address; card?: string } = {},
): Promise<void> {
  await page.goto(`/search?q=${encodeURIComponent(title)}`);
  await page
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await addToCart(page);
  await placeOrder(
    page,
    opts.address ?? { name: "Robin Reviewer", street: "3 Oak Lane", city: "Boston", postal: "02108" },
  );
  await fillCard(page, opts.card ?? "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expectPaidOrders(page, 1);
}
