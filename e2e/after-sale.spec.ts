// After the sale: a buyer cancels before shipping, a seller cancels an order they can't fulfil;
// a buyer's claim after the seller was paid (and paid out) is refunded by an admin, and the
// seller's next payout is reduced by it. Every page shows the right amounts; the ledger holds.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { demoLogin, expect, PAYOUT_RUN_LOCK, signIn, test } from "./support/fixtures";
import { buyAndPay, onboardedSellerWithListing, ship } from "./support/flows";

test.describe.configure({ lock: PAYOUT_RUN_LOCK });

const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The product's id and its stock, through the public API (found by its title). */
async function productStock(page: Page, title: string): Promise<number> {
  const html = await (await page.request.get(`/search?q=${encodeURIComponent(title)}`)).text();
  const id = html.match(/\/products\/([0-9a-f-]{36})/)![1];
  return ((await (await page.request.get(`/api/v1/products/${id}`)).json()) as { inventory_count: number })
    .inventory_count;
}

/** The newest order on the buyer's orders list: opens it and returns its id. */
async function openNewestOrder(page: Page, title: string): Promise<string> {
  await page.goto("/orders");
  await page
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

async function orderMoney(page: Page, orderId: string) {
  const o = (await (await page.request.get(`/api/v1/orders/${orderId}`)).json()) as {
    total: { amount_cents: number };
    platform_fee: { amount_cents: number };
    refunded: { amount_cents: number };
  };
  return { total: o.total.amount_cents, fee: o.platform_fee.amount_cents, refunded: o.refunded.amount_cents };
}

/** A stat card's value on the seller's payments page. */
const stat = (page: Page, label: string) => page.getByText(label, { exact: true }).locator("xpath=..");

async function confirmAndWaitForRelease(page: Page, shop: string) {
  await page.getByRole("button", { name: "I received this order" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Paid to ${shop}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

async function expectLedgerHolds(admin: Page, orderId: string, refundCents: number) {
  await admin.goto(`/admin/ledger?order=${orderId}`);
  await expect(admin.getByText("— all hold")).toBeVisible();
  const refunds = admin.locator("tbody tr").filter({ has: admin.getByRole("cell", { name: "refund", exact: true }) });
  await expect(refunds).toHaveCount(1);
  await expect(refunds).toContainText(usd(refundCents));
}

test("a buyer cancels before shipping and the seller cancels another order with a reason: refunded in full, stock back, the ledger holds", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(300_000);
  const seller = await onboardedSellerWithListing(browser, "Birch Candles", "25.00");
  await signIn(page, newBuyer);
  expect(await productStock(page, seller.title)).toBe(5);

  // The buyer pays, changes their mind and cancels on the order page (two steps).
  await buyAndPay(page, seller.title);
  expect(await productStock(page, seller.title)).toBe(4);
  const first = await openNewestOrder(page, seller.title);
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, cancel and refund $25.00" }).click();
  // The page re-renders as the cancelled order.
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(
    page.getByText(/Cancelled by you on \d{4}-\d{2}-\d{2}, before it shipped\. \$25\.00 was refunded to your card\./),
  ).toBeVisible();
  await expect(page.getByText("Refunded in full: $25.00")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  expect(await productStock(page, seller.title)).toBe(5);
  expect(await orderMoney(page, first)).toMatchObject({ total: 2_500, refunded: 2_500 });

  // A second order: the seller can't fulfil it and cancels with a reason.
  await buyAndPay(page, seller.title);
  const second = await openNewestOrder(page, seller.title);
  expect(second).not.toBe(first);
  await seller.page.goto("/seller/orders?filter=to-ship");
  const card = seller.page.locator("main li").filter({ hasText: second.slice(0, 8) });
  await card.getByRole("button", { name: "Cancel order" }).click();
  await card.getByLabel("Why?").selectOption({ label: "Out of stock" });
  await card.getByLabel(/Note to the buyer/).fill("The last one cracked in the kiln");
  await expectAccessible(seller.page);
  await card.getByRole("button", { name: "Yes, cancel and refund $25.00" }).click();
  // It leaves the orders to ship.
  await expect(card).toHaveCount(0);
  expect(await productStock(page, seller.title)).toBe(5);

  // Shipping it now is refused; the order shows cancelled on both sides, with who and why.
  await seller.page.goto("/seller/orders?filter=problems");
  await expect(seller.page.locator("main li").filter({ hasText: second.slice(0, 8) })).toContainText(
    "Cancelled by you before shipping; refunded in full.",
  );
  await page.reload();
  await expect(page.getByText(`Cancelled by ${seller.shop}`)).toBeVisible();
  await expect(page.getByText("(out of stock: The last one cracked in the kiln)")).toBeVisible();

  // The seller's record counts their cancellation: 1 of 2 paid orders.
  await seller.page.goto("/seller");
  await expect(stat(seller.page, "Cancelled by you")).toContainText("50%");
  await expect(stat(seller.page, "Cancelled by you")).toContainText("1 of 2 paid orders");

  // The ledger: each order refunded exactly once, every invariant holds; both sides were told.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await expectLedgerHolds(admin, first, 2_500);
  await expectLedgerHolds(admin, second, 2_500);
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(newBuyer.email)}`);
  await expect(admin.getByText(`Order ${first.slice(0, 8)} cancelled: $25.00 refunded`)).toHaveCount(1);
  await expect(
    admin.getByText(`${seller.shop} cancelled your order ${second.slice(0, 8)}: $25.00 refunded`),
  ).toHaveCount(1);
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(seller.email)}`);
  await expect(admin.getByText(`Order ${first.slice(0, 8)} was cancelled by the buyer: don't ship it`)).toHaveCount(1);
  await expect(admin.getByText(`You cancelled order ${second.slice(0, 8)}`, { exact: true })).toHaveCount(1);
});

test("a claim after the seller was paid out is refunded by an admin, and the seller's next payout is reduced by it", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(360_000);
  const seller = await onboardedSellerWithListing(browser, "Cedar Bowls", "40.00");
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await signIn(page, newBuyer);

  // Bought, shipped, delivered: the seller is paid their share and an admin's payout run pays it out.
  await buyAndPay(page, seller.title);
  await ship(seller.page, seller.title);
  const orderId = await openNewestOrder(page, seller.title);
  await confirmAndWaitForRelease(page, seller.shop);
  const { total, fee } = await orderMoney(page, orderId);
  const share = total - fee;
  await admin.goto("/admin/ledger");
  await admin.getByRole("button", { name: "Run daily payouts now" }).click();
  await expect(admin.getByText(/^Paid out \$[\d,.]+ to \d+ sellers?\.$/)).toBeVisible({ timeout: 30_000 });
  await seller.page.goto("/seller/payments");
  await expect(stat(seller.page, "Paid out")).toContainText(usd(share));

  // The buyer claims: it arrived damaged; they ask for $10.00 back.
  await page.getByText(/^A problem with this order\? Open a claim/).click();
  await page.getByLabel("What went wrong?").selectOption({ label: "Arrived damaged" });
  await page.getByLabel("Describe the problem").fill("One bowl has a crack along the rim.");
  await page.getByLabel(/Amount to refund/).fill("10.00");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Open claim" }).click();
  await expect(page.getByRole("region", { name: "Claims" })).toContainText("being reviewed by the marketplace");
  await expect(page.getByRole("region", { name: "Claims" })).toContainText("asked for $10.00");
  await expect(page.getByText(/^A problem with this order\? Open a claim/)).toHaveCount(0);

  // An admin refunds what was asked from the claims queue.
  await admin.goto("/admin/claims");
  const claim = admin.locator("main li").filter({ hasText: `order #${orderId.slice(0, 8)}` });
  await expect(claim).toContainText("already paid to the seller");
  await expect(claim).toContainText("Asks for: $10.00");
  await expectAccessible(admin);
  await claim.getByRole("button", { name: "Refund what was asked ($10.00)" }).click();
  // Decided: it leaves the queue.
  await expect(claim).toHaveCount(0);

  // The buyer sees the partial refund; the seller owes back their share of it (less its commission).
  const { refunded } = await orderMoney(page, orderId);
  expect(refunded).toBe(1_000);
  const owed = 1_000 - Math.round((fee * 1_000) / total);
  await page.reload();
  await expect(page.getByText("Partly refunded: $10.00 of $40.00")).toBeVisible();
  await expect(page.getByRole("region", { name: "Claims" })).toContainText("refunded $10.00");
  await seller.page.reload();
  await expect(stat(seller.page, "Owed back")).toContainText(usd(owed));
  await expect(stat(seller.page, "Available")).toContainText("$0.00");

  // The next sale is released; the admin's next payout run pays its share less what is owed.
  await buyAndPay(page, seller.title);
  await ship(seller.page, seller.title);
  const next = await openNewestOrder(page, seller.title);
  expect(next).not.toBe(orderId);
  await confirmAndWaitForRelease(page, seller.shop);
  const nextMoney = await orderMoney(page, next);
  const nextShare = nextMoney.total - nextMoney.fee;
  await seller.page.goto("/seller/payments");
  await expect(stat(seller.page, "Available")).toContainText(usd(nextShare - owed));
  await admin.goto("/admin/ledger");
  await admin.getByRole("button", { name: "Run daily payouts now" }).click();
  await expect(admin.getByText(/^Paid out \$[\d,.]+ to \d+ sellers?\.$/)).toBeVisible({ timeout: 30_000 });
  await seller.page.reload();
  await expect(stat(seller.page, "Owed back")).toContainText("$0.00");
  await expect(stat(seller.page, "Paid out")).toContainText(usd(share + nextShare - owed));
  await expect(seller.page.getByRole("region", { name: "Payouts" })).toContainText(usd(nextShare - owed));

  // The ledger: one refund on the claimed order, every invariant holds; both sides were told.
  await expectLedgerHolds(admin, orderId, 1_000);
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(seller.email)}`);
  await expect(admin.getByText(`A buyer opened a claim on order ${orderId.slice(0, 8)}`)).toHaveCount(1);
  await expect(admin.getByText(`Partial refund of $10.00 on order ${orderId.slice(0, 8)}`)).toHaveCount(1);
});
