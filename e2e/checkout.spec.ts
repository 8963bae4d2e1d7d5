import { demoLogin, expect, signIn, test, twoSellersProducts } from "./support/fixtures";

test("a guest fills a cart from two shops, signs in (the cart merges), pays, sees two orders; the seller ships and the buyer confirms delivery", async ({ page, browser, request, newBuyer }) => {
  test.setTimeout(180_000);
  const [mine, other] = await twoSellersProducts(request);

  for (const p of [mine, other]) {
    await page.goto(`/products/${p.product_id}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
  }
  await page.goto("/cart");
  await expect(page.getByRole("region", { name: `Items from ${mine.seller.shop_name}` })).toBeVisible();
  await expect(page.getByRole("region", { name: `Items from ${other.seller.shop_name}` })).toBeVisible();

  await signIn(page, newBuyer);
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: mine.title })).toBeVisible();
  await expect(page.getByRole("link", { name: other.title })).toBeVisible();
  await page.getByRole("link", { name: "Check out" }).click();

  await page.getByLabel("Full name").fill("Grace Buyer");
  await page.getByLabel("Street address").fill("12 Harbour Road");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("Postal code").fill("97201");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("radio")).toBeChecked();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}$/);

  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/orders\?paid=/, { timeout: 30_000 });
  await expect(page.locator("main li")).toHaveCount(2);
  // The payment_intent.succeeded webhook marks both orders paid.
  await expect(async () => {
    await page.reload();
    await expect(page.locator("main").getByText("Paid", { exact: true })).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, demoLogin("seller"));
  await seller.goto("/seller/orders?filter=to-ship");
  const card = seller.locator("main li").filter({ hasText: mine.title });
  await card.getByLabel("Carrier").fill("UPS");
  await card.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await card.getByRole("button", { name: "Mark shipped" }).click();
  // Shipped orders leave the "To ship" list and appear under "Shipped".
  await expect(card).toHaveCount(0);
  await seller.goto("/seller/orders?filter=shipped");
  await expect(seller.locator("main li").filter({ hasText: mine.title })).toBeVisible();

  await page.goto("/orders");
  await page.getByRole("link", { name: new RegExp(mine.title) }).click();
  await expect(page.getByText("Shipped with UPS")).toBeVisible();
  await page.getByRole("button", { name: "I received this order" }).click();
  await expect(page.locator("main").getByText(/Delivered|Completed/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "I received this order" })).toHaveCount(0);
});

test("a declined card is shown with a clear message and the buyer can retry", async ({ page, request, newBuyer }) => {
  test.setTimeout(120_000);
  const [mine] = await twoSellersProducts(request);
  await signIn(page, newBuyer);
  await page.goto(`/products/${mine.product_id}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
  await page.goto("/checkout");
  await page.getByLabel("Full name").fill("Dee Cline");
  await page.getByLabel("Street address").fill("1 Main Street");
  await page.getByLabel("City").fill("Austin");
  await page.getByLabel("Postal code").fill("73301");
  await page.getByRole("button", { name: "Save address" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}$/);
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByLabel("Expiration date (MM / YY)").fill("12 / 34");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Your card was declined.")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/orders\?paid=/, { timeout: 30_000 });
});
