import AxeBuilder from "@axe-core/playwright";

import { demoLogin, expect, signIn, test, twoSellersProducts } from "./support/fixtures";

test("the home page shows categories and products and has no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "New arrivals" })).toBeVisible();
  expect(await page.locator("article").count()).toBeGreaterThan(4);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the header search finds products by title words", async ({ page }) => {
  await page.goto("/");
  const title = (await page.locator("article h3").first().textContent())!.trim();
  const word = title.split(/\s+/).find((w) => w.length > 3) ?? title.split(/\s+/)[0];
  await page.getByLabel("Search products").fill(word);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(word);
  expect(await page.locator("article").count()).toBeGreaterThan(0);
});

test("security headers are set on pages", async ({ request }) => {
  const res = await request.get("/");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("API errors are JSON with a code and a message", async ({ request }) => {
  const malformed = await request.post("/api/v1/users", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatchObject({
    code: "bad_request",
    message: "Request body is not valid JSON.",
  });
  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthenticated");
  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({ ok: true, database: "up", migrations: "current" });
});

test("signed-out visitors get the home page and product pages from the page cache, with live stock; signed-in visitors get their own", async ({
  page,
  browser,
  request,
  newBuyer,
}) => {
  test.setTimeout(120_000);
  await request.get("/");
  expect((await request.get("/")).headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
  const [mine] = await twoSellersProducts(request);
  const path = `/products/${mine.product_id}`;
  await request.get(path);
  const second = await request.get(path);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);

  // The seller changes the stock: the cached page still comes from the cache, and shows the new count once it loads.
  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, demoLogin("seller"));
  await seller.goto(`/seller/inventory?q=${encodeURIComponent(mine.title)}`);
  // Titles can repeat in the demo catalog: the row is the one of this product id.
  const stockInput = seller.locator(`#stock-${mine.product_id}-count`);
  const save = seller
    .locator(`form#stock-${mine.product_id}`)
    .getByRole("button", { name: `Save stock for ${mine.title}` });
  await stockInput.fill("2");
  await save.click();
  await expect
    .poll(async () => (await (await request.get(`/api/v1/products/${mine.product_id}/stock`)).json()).inventory_count)
    .toBe(2);
  expect((await request.get(path)).headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
  await page.goto(path);
  await expect(page.locator('[data-stock="live"]')).toBeVisible();
  await expect(page.getByText("Only 2 left")).toBeVisible();
  await expect(page.getByLabel("Quantity").locator("option")).toHaveCount(2);

  // Signed in, the page is rendered for the buyer (their header, not the cached one).
  await signIn(page, newBuyer);
  const own = await page.goto(path);
  expect(own!.headers()["x-nextjs-cache"]).toBeUndefined();
  await expect(page.getByRole("button", { name: "Account menu" }).or(page.getByLabel("Account menu"))).toBeVisible();
  await expect(page.getByText("Only 2 left")).toBeVisible();

  await stockInput.fill(String(mine.inventory_count));
  await save.click();
  await expect
    .poll(async () => (await (await request.get(`/api/v1/products/${mine.product_id}/stock`)).json()).inventory_count)
    .toBe(mine.inventory_count);
});
