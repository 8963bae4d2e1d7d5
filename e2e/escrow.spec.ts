import { demoLogin, expect, PAYOUT_RUN_LOCK, signIn, test } from "./support/fixtures";
import { addToCart, expectPaidOrders, fillCard, onboardedSellerWithListing, placeOrder, ship } from "./support/flows";

test.describe.configure({ lock: PAYOUT_RUN_LOCK });

test("escrow end to end: onboarding, a 3-D Secure payment for two shops, one delivery paid out minus commission, one disputed and refunded", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(300_000);
  const a = await onboardedSellerWithListing(browser, "Alder Ceramics", "100.00");
  const b = await onboardedSellerWithListing(browser, "Birch Textiles", "40.00");

  await signIn(page, newBuyer);
  for (const title of [a.title, b.title]) {
    await page.goto(`/search?q=${encodeURIComponent(title)}`);
    await page
      .getByRole("link", { name: new RegExp(title) })
      .first()
      .click();
    await addToCart(page);
  }
  await placeOrder(page, { name: "Ivy Buyer", street: "9 Elm Street", city: "Denver", postal: "80202" });
  await fillCard(page, "4000 0025 0000 3155");
  await page.getByRole("button", { name: /^Pay \$140\.00/ }).click();
  await page
    .frameLocator('iframe[title="3D Secure authentication"]')
    .getByRole("button", { name: "Complete authentication" })
    .click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expectPaidOrders(page, 2);

  await ship(a.page, a.title);
  await ship(b.page, b.title);

  // Delivery of A confirmed: A is paid $100 minus 15% commission.
  await page.goto("/orders");
  await page.getByRole("link", { name: new RegExp(a.title) }).click();
  await expect(page.getByText(/Held by the marketplace until you confirm delivery/)).toBeVisible();
  await page.getByRole("button", { name: "I received this order" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Paid to ${a.shop}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await a.page.goto("/seller/payments");
  await expect(a.page.getByText("$85.00").first()).toBeVisible();

  // B never arrived: the buyer disputes; the admin refunds.
  await page.goto("/orders");
  await page.getByRole("link", { name: new RegExp(b.title) }).click();
  await page.getByText("Something wrong? Open a dispute").click();
  await page.getByLabel("What went wrong?").fill("The parcel never arrived, tracking shows no movement.");
  await page.getByRole("button", { name: "Open dispute" }).click();
  await expect(page.getByText("Held by the marketplace while the dispute is reviewed.")).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto("/admin/disputes");
  const dispute = admin.locator("main li").filter({ hasText: b.title });
  await dispute.getByLabel("Decision note").fill("Carrier confirmed the parcel is lost.");
  await dispute.getByRole("button", { name: "Refund the buyer" }).click();
  await expect(dispute).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Refunded to you.")).toBeVisible();

  // The daily payout pays A's available balance; the ledger's invariants hold.
  await admin.goto("/admin/ledger");
  await admin.getByRole("button", { name: "Run daily payouts now" }).click();
  await expect(admin.getByText(/Paid out \$[\d,.]+ to \d+ seller/)).toBeVisible();
  await admin.reload();
  await expect(admin.getByText("— all hold")).toBeVisible();
  await a.page.goto("/seller/payments");
  await expect(a.page.getByText("Paid out", { exact: true })).toBeVisible();
  await expect(a.page.locator("main").getByText("$85.00").first()).toBeVisible();
  await b.page.goto("/seller/payments");
  await expect(b.page.getByText("Held until delivery")).toBeVisible();

  // The buyer heard about each step by email (the dev mailbox): confirmations, shipping, the refund.
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(newBuyer.email)}`);
  await expect(admin.getByText(`Order confirmed: ${a.shop} ($100.00)`)).toBeVisible();
  await expect(admin.getByText(`Shipped: your order from ${a.shop}`)).toBeVisible();
  await expect(admin.getByText(`Refund of $40.00 for your order from ${b.shop}`)).toBeVisible();
});
