import { randomBytes } from "node:crypto";

import { demoLogin, expect, signIn, test } from "./support/fixtures";
import { buyAndPay, onboardedSellerWithListing, ship } from "./support/flows";
import { makeImages } from "./support/make-images";

test("after delivery a buyer reviews with a photo, the seller replies, others find it helpful, and an admin hides it after a report, then restores it", async ({
  page,
  browser,
  newBuyer,
}) => {
  test.setTimeout(300_000);
  const seller = await onboardedSellerWithListing(browser, "Cedar Lamps", "60.00");
  await signIn(page, newBuyer);
  await buyAndPay(page, seller.title);
  await ship(seller.page, seller.title);

  await page.goto("/orders");
  await page.getByRole("link", { name: new RegExp(seller.title) }).click();
  await page.getByRole("button", { name: "I received this order" }).click();
  const form = page.getByRole("form", { name: `Review ${seller.title}` });
  await expect(form).toBeVisible();
  await form.getByRole("radio", { name: /^4 stars/ }).check({ force: true });
  await form.getByLabel("Title").fill("Warm light, solid build");
  await form.getByLabel("Your review").fill("Looks great on my desk. <b>not bold</b>");
  await form.getByLabel("Add images").setInputFiles(await makeImages(1));
  await expect(form.getByRole("img", { name: "Image 1 (cover)" })).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "Post review" }).click();
  // The page refreshes after posting, so look for the lasting state rather than the brief message.
  await expect(page.getByText(/Edit your review/).first()).toBeVisible();
  const productUrl = await page.getByRole("link", { name: seller.title }).first().getAttribute("href");

  // Aggregation is asynchronous (a worker job): the product page catches up within seconds.
  await expect(async () => {
    await page.goto(productUrl!);
    await expect(page.getByText("4.0", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("Warm light, solid build")).toBeVisible();
  await expect(page.getByText("Looks great on my desk. <b>not bold</b>")).toBeVisible();
  await expect(page.getByText("Verified purchase").first()).toBeVisible();

  await seller.page.goto(productUrl!);
  await seller.page.getByText("Reply as the seller").click();
  await seller.page.getByLabel("Your reply").fill("Thank you! Enjoy the lamp.");
  await seller.page.getByRole("button", { name: "Post reply" }).click();
  await expect(seller.page.getByText("Edit your reply")).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  const email = `other-${randomBytes(4).toString("hex")}@example.test`;
  expect(
    (
      await other.request.post("/api/v1/users", { data: { email, password: "Other-pass-2026", name: "Other Shopper" } })
    ).status(),
  ).toBe(201);
  await signIn(other, { email, password: "Other-pass-2026" });
  await other.goto(productUrl!);
  await expect(other.getByText("Thank you! Enjoy the lamp.")).toBeVisible();
  await other.getByRole("button", { name: /^Helpful/ }).click();
  await expect(other.getByRole("button", { name: /Helpful ✓/ })).toBeVisible();
  await other.getByText("Report", { exact: true }).click();
  await other.getByRole("radio").first().check();
  await other.getByRole("button", { name: "Send report" }).click();
  await expect(other.getByText("Thanks, a moderator will look at this review.")).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  await admin.goto("/admin/reviews");
  const item = admin.locator("main li").filter({ hasText: "Warm light, solid build" }).first();
  await item.getByRole("button", { name: "Hide review" }).click();
  await expect(async () => {
    await other.goto(productUrl!);
    await expect(other.getByText("No reviews yet.")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(other.getByText("Warm light, solid build")).toHaveCount(0);

  // Hidden by mistake: the admin restores it from the hidden list and it comes back.
  await admin.goto("/admin/reviews?view=hidden");
  const hidden = admin.locator("main li").filter({ hasText: "Warm light, solid build" }).first();
  await hidden.getByLabel("Why it goes back (optional)").fill("The report was mistaken");
  await hidden.getByRole("button", { name: "Restore review" }).click();
  await expect(async () => {
    await other.goto(productUrl!);
    await expect(other.getByText("Warm light, solid build")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
