import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { demoLogin, expect, signIn, test, twoSellersProducts } from "./support/fixtures";
import { addToCart, ensureAddress, fillCard } from "./support/flows";
import { receivedEmails, smtpSinkUrl } from "./support/smtp-inbox";

const DAY_MS = 86_400_000;
const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
const day = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
const short = (n: number) =>
  new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day(n)}T00:00:00Z`),
  );

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("a buyer's shipping, VAT and delivery dates follow the address (US, then Germany) on the checkout and the cart, and the order and its email charge the German ones", async ({
  page,
  request,
  newBuyer,
}) => {
  test.setTimeout(180_000);
  // Every demo shop (dev/seed/demo-shipping.ts): US $5.99 per order, free over $75,
  // 1-2 handling + 2-5 transit days; EU $14.99 for the first item, 1-2 + 5-10 days.
  // Another shop than the demo seller's: checkout.spec ships the demo seller's product by its title.
  const [, product] = await twoSellersProducts(request);
  const us = {
    text: product.price.amount_cents >= 7500 ? "Free" : usd(599),
    dates: `${short(3)} – ${short(7)}`,
  };
  const de = { text: usd(1499), dates: `${short(6)} – ${short(12)}` };

  await signIn(page, newBuyer);
  await page.goto(`/products/${product.product_id}`);
  await expect(page.getByText("Shipping is calculated at checkout for your address.")).toBeVisible();
  await addToCart(page);

  await page.goto("/checkout");
  await ensureAddress(page, { name: "Una States", street: "1 Elm Street", city: "Portland", postal: "97201" });
  const summary = page.getByRole("complementary", { name: "Order summary" });
  await expect(summary.getByTestId("shop-shipping")).toHaveText(
    `Shipping to United States: ${us.text} · arrives ${us.dates}`,
  );

  // Adding a German address quotes it at once, without a reload.
  await page.getByText("Add a new address").click();
  await page.getByLabel("Full name").fill("Greta Deutsch");
  await page.getByLabel("Street address").fill("Hauptstraße 5");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Postal code").fill("10115");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(summary.getByTestId("shop-shipping")).toHaveText(
    `Shipping to Germany: ${de.text} · arrives ${de.dates}`,
  );
  await expect(page.getByRole("radio", { name: /Greta Deutsch/ })).toBeChecked();

  // The cart quotes the default (US) address; choosing the German one re-quotes in place.
  await page.goto("/cart");
  const shop = page.getByRole("region", { name: `Items from ${product.seller.shop_name}` });
  await expect(shop.getByTestId("shop-shipping")).toHaveText(
    `Shipping to United States: ${us.text} · arrives ${us.dates}`,
  );
  // Oregon has no sales tax; Germany's VAT is inside the prices (and the shipping).
  await expect(shop.getByTestId("shop-tax")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Ship to").selectOption({ label: `Greta Deutsch, Berlin, Germany` });
  await expect(shop.getByTestId("shop-shipping")).toHaveText(`Shipping to Germany: ${de.text} · arrives ${de.dates}`);
  await expect(shop.getByTestId("shop-tax")).toContainText(/^incl\. VAT \d+%: \$\d+\.\d{2}$/);
  const vat = /\$\d+\.\d{2}$/.exec((await shop.getByTestId("shop-tax").textContent()) ?? "")![0];
  await expect(page.getByRole("complementary", { name: "Order summary" })).toContainText(
    `Shipping to Germany${de.text}`,
  );

  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page.getByRole("radio", { name: /Greta Deutsch/ })).toBeChecked();
  await expect(summary.getByTestId("shop-shipping")).toHaveText(
    `Shipping to Germany: ${de.text} · arrives ${de.dates}`,
  );
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}$/);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });

  await page.goto("/orders");
  await page
    .getByRole("link", { name: new RegExp(product.title) })
    .first()
    .click();
  await expect(page.locator("main")).toContainText(`Shipping${de.text}`);
  await expect(page.locator("main")).toContainText(`Estimated delivery: ${day(6)} – ${day(12)}`);
  await expect(page.getByTestId("order-tax")).toContainText(vat);
  const total = usd(product.price.amount_cents + 1499);
  await expect(page.locator("main")).toContainText(`Total${total}`);

  // The confirmation email says the same: shipping, VAT and the total paid.
  if (!smtpSinkUrl()) return;
  await expect
    .poll(
      async () => (await receivedEmails(newBuyer.email)).find((m) => m.subject.startsWith("Order confirmed"))?.text,
      {
        timeout: 30_000,
      },
    )
    .toContain(`shipping ${de.text} · `);
  const email = (await receivedEmails(newBuyer.email)).find((m) => m.subject.startsWith("Order confirmed"))!;
  expect(email.text).toContain(vat);
  expect(email.text).toContain(`Total paid: ${total}.`);
});

test("a seller creates a profile, adds a zone, edits it in the browser (a bad edit is refused by field), and deletes the profile", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `E2E parcels ${Date.now().toString(36)}`;
  await signIn(page, demoLogin("seller"));
  await page.goto("/seller/shipping");
  const create = page.getByRole("form", { name: "New shipping profile" });
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create profile" }).click();
  const profile = page.getByRole("region", { name: `Profile ${name}` });
  await expect(profile.getByText("This profile ships nowhere yet")).toBeVisible();

  const add = profile.getByRole("form", { name: "Add a zone" });
  await add.getByLabel("Countries").fill("JP, KR");
  await add.getByLabel("First item (cents)").fill("1200");
  await add.getByRole("button", { name: "Add zone" }).click();
  await expect(profile.getByRole("cell", { name: "Japan, South Korea" })).toBeVisible();

  await profile.getByText("Edit zone: Japan, South Korea").click();
  const edit = profile.getByRole("form", { name: "Edit zone Japan, South Korea" });
  await edit.getByLabel("Transit days from").fill("9");
  await edit.getByLabel("Transit days to").fill("4");
  await edit.getByRole("button", { name: "Save zone" }).click();
  await expect(edit.getByText("Transit days: the first number cannot be more than the second.")).toBeVisible();

  await edit.getByLabel("Countries").fill("JP");
  await edit.getByLabel("First item (cents)").fill("1800");
  await edit.getByLabel("Each additional (cents)").fill("300");
  await edit.getByLabel("Transit days from").fill("4");
  await edit.getByLabel("Transit days to").fill("9");
  await edit.getByRole("button", { name: "Save zone" }).click();
  await expect(profile.getByRole("row", { name: /Japan/ })).toContainText("$18.00 + $3.00 each additional");
  await expect(profile.getByRole("row", { name: /Japan/ })).toContainText("5–11");
  await expectNoSeriousA11yViolations(page);

  await profile.getByRole("button", { name: "Delete profile" }).click();
  await expect(page.getByRole("region", { name: `Profile ${name}` })).toHaveCount(0);
});
