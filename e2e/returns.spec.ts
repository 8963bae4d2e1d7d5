import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";

import { demoLogin, expect, signIn, test } from "./support/fixtures";
import {
  addToCart,
  expectPaidOrders,
  fillCard,
  listProduct,
  onboardedSellerWithListing,
  placeOrder,
  ship,
} from "./support/flows";
import { makeImages } from "./support/make-images";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("a buyer returns one of two items, prints the label, the seller confirms receipt, and the buyer is refunded for that item only", async ({
  page,
  browser,
  request,
  newBuyer,
}) => {
  test.setTimeout(360_000);
  // One shop, two listings: $40.00 (returned) and $20.00 (kept); 15% commission.
  const seller = await onboardedSellerWithListing(browser, "Juniper Pottery", "40.00");
  const kept = await listProduct(seller.page, "Juniper Pottery", "20.00");
  const returned = seller.title;

  await signIn(page, newBuyer);
  for (const title of [returned, kept]) {
    await page.goto(`/search?q=${encodeURIComponent(title)}`);
    await page
      .getByRole("link", { name: new RegExp(title) })
      .first()
      .click();
    await addToCart(page);
  }
  await placeOrder(page, { name: "Rowan Buyer", street: "12 Birch Road", city: "Austin", postal: "73301" });
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay \$60\.00/ }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expectPaidOrders(page, 1);
  await ship(seller.page, new RegExp(`${returned}|${kept}`));

  // Delivered and confirmed: the seller is paid $60.00 minus 15%.
  await page.goto("/orders");
  await page
    .getByRole("link", { name: new RegExp(`${returned}|${kept}`) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "I received this order" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Paid to ${seller.shop}`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The buyer asks to return the $40.00 item, damaged, with a photo.
  await page.getByText("Return items", { exact: true }).click();
  const form = page.getByRole("form", { name: "Return items" });
  await form.getByLabel(`Quantity of ${returned} to return`).selectOption("1");
  await form.getByLabel("Why are you returning them?").selectOption({ label: "It arrived damaged or faulty" });
  await form.getByLabel("Anything the seller should know?").fill("The rim was chipped when it arrived.");
  await form.getByLabel("Add images").setInputFiles(await makeImages(1));
  await expect(form.getByRole("img", { name: "Image 1 (cover)" })).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "Request return" }).click();
  const card = page.getByRole("article", { name: `Return of ${returned}` });
  await expect(card.getByText("Return requested")).toBeVisible();
  await expect(card.getByRole("img", { name: "Return photo 1" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The seller accepts, giving the address the parcel comes back to: the buyer gets a label.
  await seller.page.goto("/seller/returns");
  const toDecide = seller.page.getByRole("article", { name: `Return of ${returned}` });
  await expect(toDecide.getByText("The rim was chipped when it arrived.")).toBeVisible();
  await toDecide.getByLabel("Name").fill("Juniper Pottery");
  await toDecide.getByLabel("Street address").fill("4 Kiln Lane");
  await toDecide.getByLabel("City").fill("Portland");
  await toDecide.getByLabel("Postal code").fill("97201");
  await expectNoSeriousA11yViolations(seller.page);
  await toDecide.getByRole("button", { name: "Accept and send the buyer a label" }).click();
  await expect(seller.page.getByText("Accepted. The buyer has been sent a prepaid return label")).toBeVisible();
  await expect(
    seller.page.getByRole("article", { name: `Return of ${returned}` }).getByText(/SIM\d{13}/),
  ).toBeVisible();

  // The buyer prints the label: a PDF with the tracking number shown on the page.
  await page.reload();
  await expect(card.getByText("Return accepted")).toBeVisible();
  const tracking = (await card
    .getByText(/SIM\d{13}/)
    .first()
    .textContent())!.match(/SIM\d{13}/)![0];
  const labelHref = await card.getByRole("link", { name: "Print return label (PDF)" }).getAttribute("href");
  const label = await page.request.get(labelHref!);
  expect(label.status()).toBe(200);
  expect(label.headers()["content-type"]).toBe("application/pdf");
  expect(label.headers()["content-disposition"]).toBe(`inline; filename="return-label-${tracking}.pdf"`);
  const pdf = await PDFDocument.load(await label.body());
  expect(pdf.getTitle()).toBe(`Return label ${tracking}`);
  expect(pdf.getPageCount()).toBe(1);
  expect((await page.request.get(`${labelHref}?download=1`)).headers()["content-disposition"]).toContain("attachment;");
  // Nobody else may print it.
  expect((await request.get(labelHref!)).status()).toBe(401);

  // The parcel arrives; the seller confirms receipt and the buyer is refunded $40.00, once.
  const arrived = seller.page.getByRole("article", { name: `Return of ${returned}` });
  await arrived.getByRole("button", { name: "Confirm the parcel arrived" }).click();
  await expect(
    seller.page.getByText("Received. The items are back in stock and the buyer is refunded for them."),
  ).toBeVisible();
  await expect(
    seller.page.getByRole("article", { name: `Return of ${returned}` }).getByText("Refunded $40.00"),
  ).toBeVisible();

  await page.reload();
  await expect(card.getByText("Refunded $40.00")).toBeVisible();
  // The other item can still be returned; the returned one is not offered again.
  await page.getByText("Return items", { exact: true }).click();
  await expect(page.getByLabel(`Quantity of ${kept} to return`)).toBeVisible();
  await expect(page.getByLabel(`Quantity of ${returned} to return`)).toHaveCount(0);

  // The seller's balance: $51.00 was paid to them for the order; $34.00 (the item less its commission) was taken back.
  await seller.page.goto("/seller/payments");
  await expect(seller.page.locator("main").getByText("$17.00").first()).toBeVisible();
  await expect(seller.page.locator("main").getByText("$34.00").first()).toBeVisible();

  // The ledger: one refund of exactly that item, and every invariant holds.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto(`/admin/ledger?order=${orderId}`);
  await expect(admin.getByText("— all hold")).toBeVisible();
  const refunds = admin.locator("tbody tr").filter({ has: admin.getByRole("cell", { name: "refund", exact: true }) });
  await expect(refunds).toHaveCount(1);
  await expect(refunds).toContainText("$40.00");
  expect((await admin.request.get(labelHref!)).status()).toBe(200);

  // Each side heard about each step, once.
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(newBuyer.email)}`);
  await expect(
    admin.getByText(`Your return for order ${orderId.slice(0, 8)} is accepted: print your label`),
  ).toHaveCount(1);
  await expect(admin.getByText(`Refund of $40.00 for your return (order ${orderId.slice(0, 8)})`)).toHaveCount(1);
  await admin.goto(`/admin/mailbox?to=${encodeURIComponent(seller.email)}`);
  await expect(admin.getByText(`Return requested for order ${orderId.slice(0, 8)}`)).toHaveCount(1);
  await expect(admin.getByText(`Return for order ${orderId.slice(0, 8)} refunded ($40.00)`)).toHaveCount(1);
});
