import { demoLogin, expect, signIn, test, twoSellersProducts } from "./support/fixtures";
import {
  addToCart,
  confirmedOrderLinks,
  ensureAddress,
  expectPaidOrders,
  fillCard,
  placeOrder,
  ship,
} from "./support/flows";

test("a guest fills a cart from two shops, signs in (the cart merges), pays, sees two orders; the seller ships and the buyer confirms delivery", async ({
  page,
  browser,
  request,
  newBuyer,
}) => {
  test.setTimeout(180_000);
  const [mine, other] = await twoSellersProducts(request);

  for (const p of [mine, other]) await addToCart(page, `/products/${p.product_id}`);
  await page.goto("/cart");
  await expect(page.getByRole("region", { name: `Items from ${mine.seller.shop_name}` })).toBeVisible();
  await expect(page.getByRole("region", { name: `Items from ${other.seller.shop_name}` })).toBeVisible();

  await signIn(page, newBuyer);
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: mine.title })).toBeVisible();
  await expect(page.getByRole("link", { name: other.title })).toBeVisible();
  await page.getByRole("link", { name: "Check out" }).click();

  await ensureAddress(page, { name: "Grace Buyer", street: "12 Harbour Road", city: "Portland", postal: "97201" });
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}$/);

  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  // The confirmation: one order number per shop, and what happens next; the cart is empty.
  await expect(confirmedOrderLinks(page)).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart, 0 items" })).toBeVisible();
  // The payment_intent.succeeded webhook marks both orders paid.
  await expectPaidOrders(page, 2);

  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, demoLogin("seller"));
  // Shipped orders leave the "To ship" list and appear under "Shipped".
  await ship(seller, mine.title);
  await seller.goto("/seller/orders?filter=shipped");
  await expect(seller.locator("main li").filter({ hasText: mine.title })).toBeVisible();

  await page.goto("/orders");
  await page.getByRole("link", { name: new RegExp(mine.title) }).click();
  await expect(page.getByText("Shipped with UPS")).toBeVisible();
  await page.getByRole("button", { name: "I received this order" }).click();
  await expect(
    page
      .locator("main")
      .getByText(/Delivered|Completed/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "I received this order" })).toHaveCount(0);
});

test("a declined card is shown with a clear message and the buyer can retry", async ({ page, request, newBuyer }) => {
  test.setTimeout(120_000);
  const [mine] = await twoSellersProducts(request);
  await signIn(page, newBuyer);
  await addToCart(page, `/products/${mine.product_id}`);
  const checkoutId = await placeOrder(page, {
    name: "Dee Cline",
    street: "1 Main Street",
    city: "Austin",
    postal: "73301",
  });
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Your card was declined.")).toBeVisible();
  // The confirmation page tells the truth about it too, with the way back to pay.
  await page.goto(`/checkout/${checkoutId}/complete`);
  await expect(page.getByRole("heading", { name: "Your payment didn't go through" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your card was declined.");
  await page.getByRole("link", { name: "Try again or use another card" }).click();
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Your card was declined.")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
});

test("double-clicking Place order and Pay places one order and charges the card once", async ({
  page,
  browser,
  request,
  newBuyer,
}) => {
  test.setTimeout(120_000);
  const [mine] = await twoSellersProducts(request);
  await signIn(page, newBuyer);
  await addToCart(page, `/products/${mine.product_id}`);
  const checkoutId = await placeOrder(
    page,
    { name: "Dub Clicker", street: "2 Mill Road", city: "Reno", postal: "89501" },
    "dblclick",
  );
  await fillCard(page, "4242 4242 4242 4242");
  // With the local emulator, Stripe.js is its stand-in script: remember where its API is.
  const stripeJs = await page.locator('script[src$="/v3/stripe.js"]').getAttribute("src");
  await page.getByRole("button", { name: /^Pay / }).dblclick();
  await expect(page).toHaveURL(/\/checkout\/[0-9a-f-]{36}\/complete$/, { timeout: 30_000 });
  await expect(confirmedOrderLinks(page)).toHaveCount(1);
  await expectPaidOrders(page, 1);
  const orderId = (await confirmedOrderLinks(page).getAttribute("href"))!.split("/").pop()!;

  // Going back to the payment page offers nothing more to pay.
  await page.goto(`/checkout/${checkoutId}`);
  await expect(page.getByRole("heading", { name: "Thank you, your order is placed" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);

  // The same through the API: the checkout is paid, and asking for its payment again is refused.
  const summary = await page.request.get(`/api/v1/checkouts/${checkoutId}`);
  expect(await summary.json()).toMatchObject({
    checkout_id: checkoutId,
    status: "paid",
    orders: [{ order_id: orderId, status: "paid" }],
  });
  const again = await page.request.post(`/api/v1/checkouts/${checkoutId}/payment`);
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe("This checkout is already paid.");

  // The admin's ledger shows the order's money captured once, and every invariant holds.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demoLogin("admin"));
  // Nobody else can read or pay this checkout, not even an admin through the buyer's API.
  expect((await admin.request.get(`/api/v1/checkouts/${checkoutId}`)).status()).toBe(404);
  expect((await admin.request.post(`/api/v1/checkouts/${checkoutId}/payment`)).status()).toBe(404);
  await admin.goto(`/admin/ledger?order=${orderId}`);
  await expect(admin.getByRole("cell", { name: "capture", exact: true })).toHaveCount(1);
  await expect(admin.getByText("— all hold")).toBeVisible();

  if (!stripeJs || stripeJs.includes("js.stripe.com")) {
    console.log(
      "Skipping the PaymentIntent count: this instance uses real Stripe, whose API this test cannot list with the app's keys.",
    );
    return;
  }
  // Stripe's side: one PaymentIntent for this checkout, with one successful charge.
  const api = new URL("/v1/", stripeJs);
  const get = async (path: string) =>
    (await request.get(new URL(path, api).toString(), { headers: { authorization: "Bearer sk_test_e2e" } })).json();
  const intents = (
    (await get("payment_intents?limit=100")).data as { id: string; status: string; transfer_group: string }[]
  ).filter((pi) => pi.transfer_group === checkoutId);
  expect(intents.map((pi) => pi.status)).toEqual(["succeeded"]);
  const charges = (await get(`charges?payment_intent=${intents[0].id}`)).data as { paid: boolean }[];
  expect(charges.filter((c) => c.paid)).toHaveLength(1);
});
