// The rough edges a first visit hit (issue 19), each checked the way a buyer or seller meets it.
import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { demoLogin, expect, signIn, test, twoSellersProducts } from "./support/fixtures";
import {
  addToCart,
  confirmedOrderLinks,
  expectPaidOrders,
  fillCard,
  onboardedSellerWithListing,
  placeOrder,
} from "./support/flows";
import { makeImages } from "./support/make-images";

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
  ).toEqual([]);
}

/** The emulator's control API (where the pay page loads Stripe.js from). */
async function emulatorControl(page: Page): Promise<string> {
  const src = await page.locator('script[src$="/v3/stripe.js"]').getAttribute("src");
  return `${new URL(src!).origin}/_emulator`;
}

test("after paying, the confirmation page waits for the webhook and turns paid without a reload", async ({
  page,
  request,
  newBuyer,
}) => {
  test.setTimeout(150_000);
  const [mine] = await twoSellersProducts(request);
  await signIn(page, newBuyer);
  await addToCart(page, `/products/${mine.product_id}`);
  await placeOrder(page, { name: "Wait Webhook", street: "5 Elm Street", city: "Denver", postal: "80202" });
  await fillCard(page, "4242 4242 4242 4242");
  const control = await emulatorControl(page);
  // Every webhook waits a few seconds before delivery, so the page is seen before it arrives.
  expect(
    (await request.post(`${control}/chaos`, { data: { seed: 19, webhooks: { maxCopies: 1, maxDelayMs: 6000 } } })).ok(),
  ).toBe(true);
  try {
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
    // A marker that a reload or navigation would wipe.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await expect(page.locator("main").getByText("Paid", { exact: true })).toBeVisible({ timeout: 40_000 });
    await expect(page.getByRole("heading", { name: "Thank you, your order is placed" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  } finally {
    await request.delete(`${control}/chaos`);
  }
  await expect(confirmedOrderLinks(page)).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart, 0 items" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});

test("a seller's own order page: address, 2 × an item, a printable packing slip, a carrier to choose; counts are units everywhere", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(240_000);
  const seller = await onboardedSellerWithListing(browser, "Slip Mugs", "12.00");
  await signIn(page, newBuyer);
  await page.goto(`/search?q=${encodeURIComponent(seller.title)}`);
  await page
    .getByRole("link", { name: new RegExp(seller.title) })
    .first()
    .click();
  await addToCart(page);
  await addToCart(page);
  await expect(page.getByRole("link", { name: "Cart, 2 items" })).toBeVisible();
  await placeOrder(page, { name: "Pat Packer", street: "9 Quay Street", city: "Salem", postal: "01970" });
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expectPaidOrders(page, 1);
  const orderId = (await confirmedOrderLinks(page).getAttribute("href"))!.split("/").pop()!;
  // The buyer's list names the quantity, not "and 1 more".
  await page.goto("/orders");
  const mine = page.locator("main li").filter({ hasText: seller.title });
  await expect(mine).toContainText(`2 × ${seller.title}`);
  await expect(mine).toContainText("2 items");
  await expect(mine).not.toContainText("more");

  const s = seller.page;
  await s.goto("/seller/orders?filter=to-ship");
  const card = s.locator("main li").filter({ hasText: seller.title });
  await expect(card).toContainText(`2 × ${seller.title}`);
  await expect(card).toContainText("Ship to Pat Packer, 9 Quay Street");
  await card.getByRole("link", { name: `2 × ${seller.title}` }).click();
  await expect(s).toHaveURL(`/seller/orders/${orderId}`);
  await expect(s.getByRole("heading", { name: `Order #${orderId.slice(0, 8)}` })).toBeVisible();
  await expect(s.getByRole("region", { name: "Ship to" })).toContainText("9 Quay Street");
  await expect(s.getByRole("region", { name: "Items" })).toContainText(`2 × ${seller.title}`);
  await expect(s.getByRole("region", { name: "Items" })).toContainText("$24.00");
  await expectNoSeriousA11yIssues(s);

  await s.getByRole("link", { name: "Packing slip" }).click();
  await expect(s.getByRole("heading", { name: "Packing slip" })).toBeVisible();
  await expect(s.getByRole("row").filter({ hasText: seller.title })).toContainText("2");
  await expect(s.getByText("9 Quay Street")).toBeVisible();
  await expectNoSeriousA11yIssues(s);
  // Printed, only the slip: no dashboard navigation, no header, no print button.
  await s.emulateMedia({ media: "print" });
  await expect(s.getByRole("navigation", { name: "Seller dashboard" })).toBeHidden();
  await expect(s.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(s.getByRole("heading", { name: "Packing slip" })).toBeVisible();
  await s.emulateMedia({ media: "screen" });

  // Another shop's seller finds no such order, on the page or its slip.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, demoLogin("seller"));
  expect((await other.goto(`/seller/orders/${orderId}`))!.status()).toBe(404);
  expect((await other.goto(`/seller/orders/${orderId}/packing-slip`))!.status()).toBe(404);

  await s.goto(`/seller/orders/${orderId}`);
  const carrier = s.getByLabel("Carrier");
  const listId = await carrier.getAttribute("list");
  await expect(s.locator(`datalist[id="${listId}"] option[value="DHL"]`)).toHaveCount(1);
  await carrier.fill("DHL");
  await s.getByLabel("Tracking number").fill("JD0140000001");
  await s.getByRole("button", { name: "Mark shipped" }).click();
  // The page re-renders shipped, with the carrier and tracking number in place of the form.
  await expect(s.getByRole("region", { name: "Shipment" })).toContainText("DHL JD0140000001");
  await expect(s.getByRole("button", { name: "Mark shipped" })).toHaveCount(0);
});

test("breadcrumbs name categories, on category and product pages", async ({ page, request }) => {
  await page.goto("/c/home-kitchen/cookware");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link")).toHaveText(["Home", "Home & Kitchen", "Cookware"]);
  await expect(crumbs.getByRole("link", { name: "Cookware" })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousA11yIssues(page);

  const [product] = await twoSellersProducts(request);
  await page.goto(`/products/${product.product_id}`);
  const links = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(2);
  // Each crumb reads as its category page's own heading: the name, never the slug.
  for (const link of (await links.all()).slice(1)) {
    const name = (await link.textContent())!;
    const href = (await link.getAttribute("href"))!;
    const category = (await browserlessHeading(request, href)).trim();
    expect(name).toBe(category);
  }
});

/** The h1 of a server-rendered page, read without a browser. */
async function browserlessHeading(request: import("@playwright/test").APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const m = /<h1[^>]*>([^<]*)<\/h1>/.exec(html);
  return (m?.[1] ?? "").replaceAll("&amp;", "&").replaceAll("&#x27;", "'");
}

test("a category page has the search's facets; choosing one stays on the category page", async ({ page }) => {
  await page.goto("/c/electronics");
  const filters = page.getByRole("navigation", { name: "Filters" });
  await expect(filters.getByRole("heading", { name: "Price" })).toBeVisible();
  await expect(filters.getByRole("heading", { name: "Availability" })).toBeVisible();
  // No stray Apply button beside the sort (the select submits itself).
  await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);

  const range = filters.getByRole("link", { name: /^(Under |\$)/ }).first();
  const count = Number((await range.locator("span").last().textContent())!.replace(/\D/g, ""));
  await range.click();
  await expect(page).toHaveURL(/\/c\/electronics\?(.*&)?price_(min|max)=/);
  await expect(page.locator("main p[role=status]")).toHaveText(`${count} products`);
  await expect(page.getByRole("link", { name: /^Remove filter Price/ })).toBeVisible();
  await expect(page.locator("main article")).toHaveCount(Math.min(count, 24));

  // The sort keeps the filter.
  await page.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/sort=price_asc/);
  await expect(page).toHaveURL(/price_(min|max)=/);
  await expect(page).toHaveURL(/\/c\/electronics\?/);
});

test("cards and product pages ask for the image width their slot draws", async ({ page, request }) => {
  // Desktop Chrome: 1280 px wide at 1×. A card beside the filters is about 230 px: the 320 px file;
  // the product page's gallery is 608 px: the 640 px file, never the 1280 px one.
  await page.goto("/c/electronics");
  const card = page.locator("main article img").first();
  await expect(card).toHaveAttribute("sizes", /230px/);
  await expect.poll(() => card.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/320\.webp$/);
  const cardWidth = await card.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
  expect(cardWidth).toBeLessThanOrEqual(320);

  const [product] = await twoSellersProducts(request);
  await page.goto(`/products/${product.product_id}`);
  const main = page.getByRole("img", { name: new RegExp(`image 1 of`) });
  await expect.poll(() => main.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/640\.webp$/);
  const drawn = await main.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
  expect(drawn).toBeGreaterThan(320);
  expect(drawn).toBeLessThanOrEqual(640);
});

test("a listing's page and the listings page turn Live when moderation decides, without a reload", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const seller = await onboardedSellerWithListing(browser, "Live Lamps", "30.00");
  const page = seller.page;
  const title = `Live Lamps watched ${randomBytes(3).toString("hex")}`;
  await page.goto("/seller/products/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByLabel("Price").fill("31.00");
  await page.getByLabel("Stock").fill("4");
  await page.getByLabel("Add images").setInputFiles(await makeImages(1));
  await expect(page.getByRole("img", { name: "Image 1 (cover)" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\?saved=1/);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  // Seen in review first, or already decided when moderation beat the page.
  await expect(page.getByText("Live", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "View it in the shop" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await expectNoSeriousA11yIssues(page);

  // Deleted, its page says it is gone (not "page not found") and offers its category and a search.
  const productUrl = await page.getByRole("link", { name: "View it in the shop" }).getAttribute("href");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete listing" }).click();
  await expect(page).toHaveURL(/\/seller\/products(\?|$)/);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(productUrl!);
  await expect(visitor.getByRole("heading", { name: "This product is no longer available" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: /^See more in / })).toBeVisible();
  await expect(visitor.getByRole("search", { name: "Search the marketplace" })).toBeVisible();
  await expect(visitor.getByText(title)).toHaveCount(0);
  await expectNoSeriousA11yIssues(visitor);
});

test("the 404 page has the storefront's header, a search, popular categories and a way home", async ({ page }) => {
  expect((await page.goto("/no-such-page-rough"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Marketplace" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Cart, / })).toBeVisible();
  const popular = page.getByRole("region", { name: "Popular categories" });
  expect(await popular.getByRole("link").count()).toBeGreaterThan(0);
  await expectNoSeriousA11yIssues(page);
  await popular.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
  await page.goBack();
  await page.getByRole("searchbox", { name: "Search the marketplace" }).fill("lamp");
  await page.getByRole("search", { name: "Search the marketplace" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=lamp/);
  // A product that never existed is a plain 404 too.
  expect((await page.goto("/products/00000000-0000-4000-8000-000000000000"))!.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Back to the home page" })).toBeVisible();
});
