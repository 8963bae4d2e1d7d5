import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";

import { ADMIN_SESSION_FILE, demoLogin, expect, signIn, test, twoSellersProducts } from "./support/fixtures";
import { makeImages } from "./support/make-images";
import { receivedEmails, smtpSinkUrl } from "./support/smtp-inbox";

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** How many new-message emails from the shop were queued for `to`, read from the dev mailbox as the demo admin. */
async function messageEmails(browser: Browser, to: string, shop: string): Promise<number> {
  const reader = await browser.newContext({ storageState: ADMIN_SESSION_FILE });
  const mailbox = await reader.newPage();
  await mailbox.goto(`/admin/mailbox?to=${encodeURIComponent(to)}`);
  const count = await mailbox
    .locator("summary")
    .filter({ hasText: `New message from ${shop}:` })
    .count();
  await reader.close();
  return count;
}

test("a buyer asks a shop a question; the seller sees it unread and replies with a photo; the buyer is notified in the app and by email, then turns message email off", async ({
  page,
  browser,
  request,
  newBuyer,
}) => {
  test.setTimeout(240_000);
  const [product] = await twoSellersProducts(request);
  const shop = product.seller.shop_name;
  const question = `Does the ${product.title} come gift-wrapped? (ref ${randomBytes(3).toString("hex")})`;

  // The buyer asks on the product page and lands in the thread.
  await signIn(page, newBuyer);
  await page.goto(`/products/${product.product_id}`);
  await page.getByText("Ask a question").click();
  await page.getByLabel(`Your question for ${shop}`).fill(question);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  const threadPath = new URL(page.url()).pathname;
  const conversationId = threadPath.split("/").pop()!;
  await expect(page.getByRole("list", { name: "Messages" }).getByText(question)).toBeVisible();
  await expectAxeClean(page);

  // The seller sees the unread badge, finds the thread under "Unread" and replies with a photo
  // and, as some do, an invitation to pay outside.
  const sellerPage = await (await browser.newContext()).newPage();
  await signIn(sellerPage, demoLogin("seller"));
  await sellerPage.goto("/seller");
  await expect(sellerPage.getByRole("link", { name: /^Messages\s*\d+ unread$/ })).toBeVisible();
  await sellerPage.goto("/seller/messages?filter=unread");
  const row = sellerPage.locator(`a[href="/seller/messages/${conversationId}"]`);
  await expect(row).toContainText("1 unread");
  await expectAxeClean(sellerPage);
  await row.click();
  await expect(sellerPage.getByText(question)).toBeVisible();
  const reply = sellerPage.getByRole("form", { name: "Reply" });
  await reply
    .getByLabel("Your reply")
    .fill("Yes, it is. Here is how it looks. Cheaper if you pay me at paypal.me/northwind");
  await reply.getByLabel("Add images").setInputFiles(await makeImages(1));
  await expect(reply.getByRole("img", { name: "Image 1 (cover)" })).toBeVisible({ timeout: 30_000 });
  await reply.getByRole("button", { name: "Send" }).click();
  await expect(sellerPage.getByRole("list", { name: "Messages" }).getByText(/Here is how it looks/)).toBeVisible();
  await expectAxeClean(sellerPage);

  // The buyer's bell counts it (the worker writes it from the message's event), the
  // notification opens the thread with the photo and the warning about paying outside.
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByRole("button", { name: new RegExp(`New message from ${shop}`) }).first()).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: /^Notifications, [1-9]\d* unread$/ })).toBeVisible();
  await expectAxeClean(page);
  await page
    .getByRole("button", { name: new RegExp(`New message from ${shop}`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${threadPath}$`));
  await expect(page.getByRole("img", { name: `Photo 1 from ${shop}` })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "outside the marketplace" })).toBeVisible();
  // ...and the email: recorded in the dev mailbox and, in this run, received by the SMTP server.
  await expect.poll(() => messageEmails(browser, newBuyer.email, shop), { timeout: 15_000 }).toBe(1);
  const fromShop = async () =>
    (await receivedEmails(newBuyer.email)).filter((m) => m.subject.startsWith(`New message from ${shop}:`));
  if (smtpSinkUrl()) {
    await expect.poll(async () => (await fromShop()).length, { timeout: 30_000 }).toBe(1);
    const [email] = await fromShop();
    expect(email!.to).toEqual([newBuyer.email.toLowerCase()]);
    expect(email!.subject).toContain(product.title);
    expect(email!.text).toContain("Yes, it is. Here is how it looks.");
    expect(email!.text).toContain("(1 photo attached)");
    expect(email!.text).toContain(`/messages/${conversationId}`);
  } else console.log("BASE_URL run: no SMTP sink to read, the email was checked in the dev mailbox only");

  // The buyer turns message email off; the next reply arrives in the app only.
  await page.goto("/account/notifications");
  await expect(page.getByLabel("Email").first()).toBeDisabled();
  await page
    .getByRole("group", { name: /Messages from buyers and shops/ })
    .getByLabel("Email")
    .uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expectAxeClean(page);

  await sellerPage
    .getByRole("form", { name: "Reply" })
    .getByLabel("Your reply")
    .fill("Second reply: it ships tomorrow.");
  await sellerPage.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).click();
  await expect(sellerPage.getByText("Second reply: it ships tomorrow.")).toBeVisible();
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByText(/Second reply: it ships tomorrow/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // The email subscriber runs before the in-app one in the same dispatch: nothing more was queued,
  // so nothing more can reach the SMTP server either.
  expect(await messageEmails(browser, newBuyer.email, shop)).toBe(1);
  if (smtpSinkUrl()) expect(await fromShop()).toHaveLength(1);

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("link", { name: "Notifications, 0 unread" })).toBeVisible();
});
