import { demoLogin, expect, signIn, test } from "./support/fixtures";
import { buyAndPay, onboardedSellerWithListing, ship } from "./support/flows";

test("a risky payment is held for review: the seller is told not to ship until an admin clears it", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(240_000);
  const seller = await onboardedSellerWithListing(browser, "Vault Watches", "600.00");

  // A brand-new account paying $600 to a parcel forwarder.
  await signIn(page, newBuyer);
  await buyAndPay(page, seller.title, {
    address: { name: "Rae Buyer", street: "c/o Shipito, 88 Dock Street", city: "Portland", postal: "97230" },
  });

  await seller.page.goto("/seller/orders?filter=to-ship");
  const card = seller.page.locator("main li").filter({ hasText: seller.title });
  await expect(card.getByText("On hold: don't ship yet.")).toBeVisible();
  await expect(card.getByRole("button", { name: "Mark shipped" })).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto("/admin/fraud");
  const held = admin.locator("main li").filter({ hasText: seller.title }).first();
  await expect(held.getByText("Risk 78")).toBeVisible();
  await expect(held.getByText(/^Ships to a parcel forwarder/)).toBeVisible();
  // The risk model agrees, and says why in words: its top feature contributions.
  await expect(held.getByText(/^Risk model \(v1\) scores \d+\.\d: Ships to a parcel forwarder; /)).toBeVisible();
  await held.getByRole("button", { name: "Clear to ship" }).click();
  // Decided, it leaves the queue.
  await expect(admin.locator("main li").filter({ hasText: seller.title })).toHaveCount(0);

  await ship(seller.page, seller.title);
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(seller.email)}`);
  await expect(admin.getByText(/New order [0-9a-f]{8} \(on hold: don't ship yet\)/)).toBeVisible();
  await expect(admin.getByText(/Cleared to ship: order [0-9a-f]{8}/)).toBeVisible();
});
