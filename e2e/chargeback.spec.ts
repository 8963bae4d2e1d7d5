import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";

import { demoLogin, expect, PAYOUT_RUN_LOCK, signIn, test } from "./support/fixtures";
import { addToCart, expectPaidOrders, fillCard, onboardedSellerWithListing, placeOrder, ship } from "./support/flows";

test.describe.configure({ lock: PAYOUT_RUN_LOCK });

// The local Stripe emulator's API and control API, found where the pay page loads Stripe.js
// from; a cardholder's bank is played by its control API.
async function emulatorBase(page: Page): Promise<string> {
  const src = await page.locator('script[src$="/v3/stripe.js"]').getAttribute("src");
  return new URL(src!).origin;
}

async function chargeOfCheckout(request: APIRequestContext, base: string, checkoutId: string): Promise<string> {
  const res = await request.get(`${base}/v1/payment_intents?limit=100`, {
    headers: { Authorization: "Bearer sk_test_local_emulator" },
  });
  const intents = (await res.json()) as { data: { transfer_group: string; latest_charge: string }[] };
  return intents.data.find((pi) => pi.transfer_group === checkoutId)!.latest_charge;
}

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
  ).toEqual([]);
}

test("a chargeback on a released order is booked against the seller and then won: the money comes back, amounts right, invariants hold", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(300_000);
  const seller = await onboardedSellerWithListing(browser, "Cedar Lamps", "100.00");
  await signIn(page, newBuyer);

  await page.goto(`/search?q=${encodeURIComponent(seller.title)}`);
  await page
    .getByRole("link", { name: new RegExp(seller.title) })
    .first()
    .click();
  await addToCart(page);
  const checkoutId = await placeOrder(page, {
    name: "Cass Carder",
    street: "4 Pine Road",
    city: "Portland",
    postal: "97201",
  });
  const base = await emulatorBase(page);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay \$100\.00/ }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expectPaidOrders(page, 1);

  await ship(seller.page, seller.title);
  await page.goto("/orders");
  await page.getByRole("link", { name: new RegExp(seller.title) }).click();
  const orderId = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "I received this order" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Paid to ${seller.shop}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await seller.page.goto("/seller/payments");
  const available = seller.page.getByText("Available", { exact: true }).first().locator("..");
  await expect(available).toContainText("$85.00");

  // The cardholder's bank opens a chargeback after the seller was paid.
  const charge = await chargeOfCheckout(page.request, base, checkoutId);
  const opened = await page.request.post(`${base}/_emulator/charges/${charge}/dispute`, {
    data: { reason: "product_unacceptable" },
  });
  expect(opened.ok()).toBe(true);
  const disputeId = ((await opened.json()) as { id: string }).id;

  const chargebacks = seller.page.getByRole("region", { name: "Card chargebacks" });
  await expect(async () => {
    await seller.page.reload();
    // The page reads its parts in parallel: wait for a render that saw the whole webhook's effect.
    await expect(chargebacks.getByText(/Open: the card network is deciding/)).toBeVisible({ timeout: 1000 });
    // The seller's share went back from their available balance.
    await expect(available).toContainText("$0.00", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(chargebacks.getByText("$85.00 of your share")).toBeVisible();
  await expect(seller.page.getByText("Card chargeback").first()).toBeVisible();
  await expectNoSeriousA11yIssues(seller.page);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto("/admin/money");
  const open = admin.getByRole("region", { name: /Chargebacks open/ });
  await expect(open.getByText(new RegExp(seller.shop))).toBeVisible();
  await expect(open.getByText("$100.00")).toBeVisible();
  await expectNoSeriousA11yIssues(admin);
  await admin.goto("/admin/ledger");
  await expect(admin.getByText("— all hold")).toBeVisible();
  await admin.goto(`/admin/ledger?order=${orderId}`);
  await expect(admin.getByRole("cell", { name: "chargeback", exact: true }).first()).toBeVisible();
  await expect(admin.getByRole("cell", { name: "chargeback_fee", exact: true }).first()).toBeVisible();

  // The network decides for the seller: everything comes back.
  expect(
    (await page.request.post(`${base}/_emulator/disputes/${disputeId}/close`, { data: { status: "won" } })).ok(),
  ).toBe(true);
  await expect(async () => {
    await seller.page.reload();
    await expect(chargebacks.getByText(/Won: the money is back/)).toBeVisible({ timeout: 1000 });
    await expect(available).toContainText("$85.00", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(seller.page.getByText("Chargeback won: money back").first()).toBeVisible();
  await admin.goto("/admin/money");
  await expect(admin.getByRole("region", { name: /Chargebacks open/ }).getByText(new RegExp(seller.shop))).toHaveCount(
    0,
  );
  await admin.goto("/admin/ledger");
  await expect(admin.getByText("— all hold")).toBeVisible();
  await admin.goto(`/admin/ledger?order=${orderId}`);
  await expect(admin.getByRole("cell", { name: "chargeback_reversal", exact: true }).first()).toBeVisible();
});
