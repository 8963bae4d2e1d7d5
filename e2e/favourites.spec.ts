// Favourites and recommendations in the browser: a signed-out visitor's heart leads to sign-in
// and back; the saved listing is on /favourites and counted for its seller; when the seller
// sells out and restocks it, the buyer hears it in the app and by email (read from the SMTP
// server). And "Customers also bought" on a product page shows what was bought with it.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, signIn, test, twoSellersProducts } from "./support/fixtures";
import { addToCart, expectPaidOrders, fillCard, onboardedSellerWithListing, placeOrder } from "./support/flows";
import { receivedEmails, smtpSinkUrl } from "./support/smtp-inbox";

async function expectAxeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

async function productIdOf(page: Page, title: string): Promise<string> {
  const found = (await (await page.request.get(`/api/v1/search?q=${encodeURIComponent(title)}`)).json()) as {
    results: { product_id: string; title: string }[];
  };
  return found.results.find((r) => r.title === title)!.product_id;
}

async function setStock(seller: Page, title: string, count: number) {
  await seller.goto("/seller/inventory");
  await seller.getByLabel(`Stock for ${title}`).fill(String(count));
  await seller.getByRole("button", { name: `Save stock for ${title}` }).click();
  await expect(seller.getByText(`Saved: ${count} in stock`)).toBeVisible();
}

test("a buyer favourites a product and hears when it is back in stock", async ({ page, browser, newBuyer }) => {
  test.setTimeout(180_000);
  const seller = await onboardedSellerWithListing(browser, "Saved", "14.00");
  const productId = await productIdOf(seller.page, seller.title);

  // Signed out, the heart leads to sign-in and back to the product.
  await page.goto(`/products/${productId}`);
  const heart = page.getByRole("button", { name: "Favourite", exact: true });
  await expect(heart).toHaveAttribute("data-favourites", "signed-out");
  await expect(heart).toHaveAttribute("aria-pressed", "false");
  await heart.click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(newBuyer.email);
  await page.getByLabel("Password").fill(newBuyer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${productId}$`));

  await expect(heart).toHaveAttribute("data-favourites", "ready");
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await expectAxeClean(page);

  await page.goto("/favourites");
  await expect(page.getByRole("heading", { level: 1, name: "Your favourites" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: seller.title })).toBeVisible();
  await expect(page.getByRole("button", { name: `Favourite ${seller.title}` })).toHaveAttribute("aria-pressed", "true");
  await expectAxeClean(page);

  // The seller sees the save on their listings.
  await seller.page.goto("/seller/products");
  const row = seller.page.getByRole("row").filter({ hasText: seller.title });
  await expect(row.getByRole("cell").last()).toHaveText("1");

  // Sold out, then restocked: the buyer hears it once, in the app and by email.
  await setStock(seller.page, seller.title, 0);
  await setStock(seller.page, seller.title, 4);
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByRole("button", { name: new RegExp(`^Back in stock: ${seller.title}`) })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: new RegExp(`^Back in stock: ${seller.title}`) })).toHaveCount(1);
  if (smtpSinkUrl()) {
    const backInStock = async () =>
      (await receivedEmails(newBuyer.email)).filter((m) => m.subject === `Back in stock: ${seller.title}`);
    await expect.poll(async () => (await backInStock()).length, { timeout: 30_000 }).toBe(1);
    const [email] = await backInStock();
    expect(email!.text).toContain(`/products/${productId}`);
  } else console.log("BASE_URL run: no SMTP sink to read, the in-app notification was checked only");
});

// Headless Chromium says "HeadlessChrome", which isbot counts as a crawler (no impressions or
// clicks recorded); a person's browser doesn't.
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

test("a product bought together with another shows it under “Customers also bought”", async ({
  browser,
  request,
  newBuyer,
}) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ userAgent: BROWSER_UA, locale: "en-US" })).newPage();
  const [mine, other] = await twoSellersProducts(request);
  await signIn(page, newBuyer);
  await addToCart(page, `/products/${mine.product_id}`);
  await addToCart(page, `/products/${other.product_id}`);
  await placeOrder(page, { name: "Ada Together", street: "9 Pair Street", city: "Boston", postal: "02108" });
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expectPaidOrders(page, 2);

  // The sale reaches the co-purchase counts through the worker (order.paid → compute-co-purchases).
  const alsoBought = page.getByRole("region", { name: "Customers also bought" });
  await expect(async () => {
    await page.goto(`/products/${mine.product_id}`);
    await expect(alsoBought.getByRole("heading", { level: 3, name: other.title })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 45_000 });
  await expectAxeClean(page);

  // Following it opens the other product, bought with the first one too.
  await alsoBought.getByRole("link", { name: new RegExp(other.title) }).click();
  await expect(page.getByRole("heading", { level: 1, name: other.title })).toBeVisible();
  await expect(alsoBought.getByRole("heading", { level: 3, name: mine.title })).toBeVisible({ timeout: 15_000 });
  // Both are now the signed-in buyer's recently viewed, on the home page.
  const recent = page.getByRole("region", { name: "Recently viewed" });
  await expect(async () => {
    await page.goto("/");
    await expect(recent.getByRole("heading", { level: 3, name: other.title })).toBeVisible({ timeout: 2000 });
    await expect(recent.getByRole("heading", { level: 3, name: mine.title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});
