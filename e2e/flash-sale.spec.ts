import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { demoLogin, expect, signIn, test } from "./support/fixtures";
import { addToCart, ensureAddress, fillCard, onboardedSellerWithListing, placeOrder } from "./support/flows";

async function setStock(seller: Page, title: string, count: number) {
  await seller.goto("/seller/inventory");
  await seller.getByLabel(`Stock for ${title}`).fill(String(count));
  await seller.getByRole("button", { name: `Save stock for ${title}` }).click();
  await expect(seller.getByText(new RegExp(`^Saved: ${count} in stock`))).toBeVisible();
}

type Address = { name: string; street: string; city: string; postal: string };

/** Checks out the cart once its stock is back: the worker brings the gate in step within a second or two. */
async function placeOrderWhenBack(buyer: Page, address: Address) {
  await expect(async () => {
    await buyer.goto("/checkout");
    await expect(buyer).toHaveURL(/\/checkout$/, { timeout: 1_000 });
    await ensureAddress(buyer, address);
    await buyer.getByRole("button", { name: "Place order" }).click();
    await expect(buyer).toHaveURL(/\/checkout\/[0-9a-f-]{36}$/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test("a seller marks a listing as a flash sale; its last unit comes back after a declined payment, then by a restock, and each time the next buyer buys it (no false sold out)", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(240_000);
  const { page: seller, title } = await onboardedSellerWithListing(browser, "Flash", "19.00");
  const productId = seller.url().match(/products\/([0-9a-f-]{36})/)![1];

  await expect(seller.getByRole("heading", { name: "Flash sale: off" })).toBeVisible();
  await expect(seller.getByText("buyers after the last unit hear")).toBeVisible();
  await seller.getByRole("button", { name: "Mark as flash sale" }).click();
  await expect(seller.getByRole("status").filter({ hasText: "Flash sale on." })).toBeVisible();
  await expect(seller.getByRole("heading", { name: "Flash sale: on" })).toBeVisible();
  const results = await new AxeBuilder({ page: seller }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
  ).toEqual([]);
  await setStock(seller, title, 1);

  const late = await (await browser.newContext()).newPage();
  const lateAccount = {
    email: `qa-late-${randomBytes(4).toString("hex")}@example.test`,
    password: "Qa-password-2026!",
    name: "Late Buyer",
  };
  expect((await late.request.post("/api/v1/users", { data: lateAccount })).status()).toBe(201);
  await signIn(late, lateAccount);
  await addToCart(late, `/products/${productId}`);

  // The first buyer reserves the last unit (the gate counts it gone), and the card is declined:
  // the failed payment returns the unit to PostgreSQL, and the gate must follow.
  await signIn(page, newBuyer);
  await addToCart(page, `/products/${productId}`);
  await placeOrder(page, { name: "Early Buyer", street: "1 First Street", city: "Denver", postal: "80202" });
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Your card was declined.")).toBeVisible();

  await placeOrderWhenBack(late, { name: "Late Buyer", street: "2 Second Street", city: "Denver", postal: "80202" });
  await fillCard(late, "4242 4242 4242 4242");
  await late.getByRole("button", { name: /^Pay / }).click();
  await expect(late).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });

  // Sold out for real now; the seller adds one more and the first buyer gets it.
  await setStock(seller, title, 1);
  await addToCart(page, `/products/${productId}`);
  await placeOrderWhenBack(page, { name: "Early Buyer", street: "1 First Street", city: "Denver", postal: "80202" });

  // An admin sees the flash sale on the listing and can end it.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto(`/admin/listings/${productId}`);
  await expect(admin.getByRole("heading", { name: "Flash sale: on" })).toBeVisible();
  await admin.getByRole("button", { name: "End flash sale" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Flash sale ended." })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Flash sale: off" })).toBeVisible();
});
