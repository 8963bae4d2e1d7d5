import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { accountBalance } from "@/lib/ledger/account-balance";
import { sellerPayable, TAX_PAYABLE } from "@/lib/ledger/accounts";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { memoryAdmissionGate } from "@/lib/orders/admission-gate";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { createCheckout } from "@/lib/orders/create-checkout";
import { shipOrder } from "@/lib/orders/ship-order";
import { refundOrder } from "@/lib/payments/refund-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { createCategory, createProduct } from "@/test/factories";
import { buyerWithAddress, deliver, eventsAbout, onboardedSeller, payCheckout } from "@/test/payment-scenario";

/** The books category (reduced VAT names it), created once per database. */
async function booksCategory() {
  const books = await db().category.upsert({
    where: { slug: "books" },
    create: { name: "Books", slug: "books", path: "books" },
    update: {},
  });
  return createCategory(db(), { parentPath: "books", parentId: books.id });
}

/** A seller shipping to every country at `shippingCents`, in `currency`. */
async function sellerShipping(currency: string, shippingCents: number) {
  const s = await onboardedSeller();
  const profile = await db().shippingProfile.findFirstOrThrow({ where: { sellerId: s.seller.id, isDefault: true } });
  await db().shippingProfile.update({ where: { id: profile.id }, data: { currency } });
  await db().shippingZone.updateMany({ where: { profileId: profile.id }, data: { firstItemCents: shippingCents } });
  return s;
}

async function checkoutTo(
  buyer: { id: string; addressId: string },
  lines: { sellerId: string; categoryId: number; priceCents: number; quantity: number; currency: string }[],
) {
  const cart = [];
  for (const l of lines) {
    const p = await createProduct(db(), { sellerId: l.sellerId, categoryId: l.categoryId, priceCents: l.priceCents });
    await db().product.update({ where: { id: p.id }, data: { currency: l.currency, inventoryCount: 20 } });
    cart.push({ productId: p.id, quantity: l.quantity, unitPriceCentsAdded: l.priceCents, addedAt: Date.now() });
  }
  const r = await createCheckout({
    buyerId: buyer.id,
    cartKey: `u:${buyer.id}`,
    lines: cart,
    gate: memoryAdmissionGate(),
    idempotencyKey: randomUUID(),
    input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
  });
  const orders = await db().order.findMany({
    where: { checkoutId: r.checkout.checkoutId },
    include: { items: { orderBy: { unitPriceCents: "asc" } } },
  });
  return { checkout: r.checkout, of: (sellerId: string) => orders.find((o) => o.sellerId === sellerId)! };
}

async function shipAndRelease(s: { seller: { id: string }; user: { id: string } }, buyerId: string, orderId: string) {
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "DHL", trackingNumber: "JD0123456789" },
  });
  await confirmDelivery({ buyerId, orderId });
  expect(await releaseEscrow(orderId)).toBe("released");
}

async function invariantsHold() {
  const { ok, results } = await checkLedgerInvariants();
  expect(ok, JSON.stringify(results.filter((r) => !r.ok))).toBe(true);
  expect(results.some((r) => r.name.includes("tax payable"))).toBe(true);
}

describe("checkout with tax", () => {
  it("a German buyer pays VAT inside the prices: totals unchanged, tax booked to tax payable, the seller's release and a refund leave it right", async () => {
    const bookShop = await sellerShipping("EUR", 499);
    const toyShop = await sellerShipping("EUR", 0);
    const books = await booksCategory();
    const toys = await createCategory(db());
    const buyer = await buyerWithAddress();
    await db().address.update({ where: { id: buyer.addressId }, data: { country: "DE", region: "BE" } });

    const { checkout, of } = await checkoutTo(buyer, [
      { sellerId: bookShop.seller.id, categoryId: books.id, priceCents: 2_140, quantity: 2, currency: "EUR" },
      { sellerId: toyShop.seller.id, categoryId: toys.id, priceCents: 5_950, quantity: 1, currency: "EUR" },
    ]);
    const bookOrder = of(bookShop.seller.id);
    const toyOrder = of(toyShop.seller.id);
    // Books at 7% (4 280 contains 280), shipping at the standard 19% (499 contains 80).
    expect(bookOrder).toMatchObject({
      subtotalCents: 4_280,
      shippingCents: 499,
      totalCents: 4_779,
      taxCents: 360,
      shippingTaxCents: 80,
      taxInclusive: true,
      taxLabel: "VAT",
      taxJurisdiction: "DE",
    });
    expect(bookOrder.items[0]).toMatchObject({ taxRateBps: 700, taxCents: 280, taxInclusive: true });
    // 19% of 5 950 inside it: 950. Commission (15%) on the price without VAT: 750, not 893.
    expect(toyOrder).toMatchObject({ subtotalCents: 5_950, totalCents: 5_950, taxCents: 950, platformFeeCents: 750 });
    expect(toyOrder.items[0]).toMatchObject({ taxRateBps: 1900, taxCents: 950 });
    expect(checkout.totalCents).toBe(4_779 + 5_950);

    const taxBefore = await accountBalance(db(), TAX_PAYABLE, "EUR");
    const pi = await payCheckout(checkout.checkoutId, buyer.id);
    expect(pi.amount).toBe(4_779 + 5_950);
    expect(pi.currency).toBe("eur");
    await deliver(await eventsAbout([pi.id]));
    expect(await accountBalance(db(), TAX_PAYABLE, "EUR")).toBe(taxBefore + 360 + 950);
    await invariantsHold();
    // The buyer's confirmation email shows the numbers the order page shows.
    const buyerEmail = await db().user.findUniqueOrThrow({ where: { id: buyer.id }, select: { email: true } });
    const mails = await db().notification.findMany({ where: { toAddress: buyerEmail.email }, select: { body: true } });
    expect(mails.map((m) => m.body).join("\n")).toContain(
      "Items €42.80 · shipping €4.99 · incl. VAT 7% €3.60\nTotal paid: €47.79.",
    );

    // The toy shop is paid its items less commission, less the VAT: 5 950 − 750 − 950.
    await shipAndRelease(toyShop, buyer.id, toyOrder.id);
    expect(await accountBalance(db(), sellerPayable(toyShop.seller.id), "EUR")).toBe(4_250);
    expect(await accountBalance(db(), TAX_PAYABLE, "EUR")).toBe(taxBefore + 360 + 950);

    // The book order refunded whole while held: exactly its 360 of tax leaves the tax payable.
    const r = await refundOrder({ orderId: bookOrder.id, actorType: "admin", reason: "Lost in the post" });
    expect(r).toMatchObject({ outcome: "refunded", amountCents: 4_779 });
    expect(await db().order.findUniqueOrThrow({ where: { id: bookOrder.id } })).toMatchObject({
      refundedCents: 4_779,
      refundedTaxCents: 360,
    });
    expect(await accountBalance(db(), TAX_PAYABLE, "EUR")).toBe(taxBefore + 950);
    await invariantsHold();
  });

  it("a California buyer pays sales tax on top: each sub-order's total includes it, the PaymentIntent is their sum, and a refund after release returns its share", async () => {
    const a = await sellerShipping("USD", 500);
    const b = await sellerShipping("USD", 0);
    const category = await createCategory(db());
    const buyer = await buyerWithAddress();
    await db().address.update({ where: { id: buyer.addressId }, data: { region: "CA" } });

    const { checkout, of } = await checkoutTo(buyer, [
      { sellerId: a.seller.id, categoryId: category.id, priceCents: 1_999, quantity: 1, currency: "USD" },
      { sellerId: a.seller.id, categoryId: category.id, priceCents: 2_500, quantity: 2, currency: "USD" },
      { sellerId: b.seller.id, categoryId: category.id, priceCents: 10_000, quantity: 1, currency: "USD" },
    ]);
    const oa = of(a.seller.id);
    const ob = of(b.seller.id);
    // 7.25% per line: 1 999 → 145, 5 000 → 363 (362.5), shipping 500 → 36 (36.25).
    expect(oa.items.map((i) => i.taxCents)).toEqual([145, 363]);
    expect(oa).toMatchObject({
      subtotalCents: 6_999,
      shippingCents: 500,
      taxCents: 544,
      taxInclusive: false,
      taxLabel: "Sales tax",
      taxJurisdiction: "US-CA",
      totalCents: 6_999 + 500 + 544,
      platformFeeCents: 1_050,
    });
    expect(ob).toMatchObject({ subtotalCents: 10_000, taxCents: 725, totalCents: 10_725 });

    const taxBefore = await accountBalance(db(), TAX_PAYABLE, "USD");
    const pi = await payCheckout(checkout.checkoutId, buyer.id);
    expect(pi.amount).toBe(oa.totalCents + ob.totalCents);
    expect(checkout.totalCents).toBe(pi.amount);
    await deliver(await eventsAbout([pi.id]));
    expect(await accountBalance(db(), TAX_PAYABLE, "USD")).toBe(taxBefore + 544 + 725);

    // Released: the seller gets items less commission plus shipping, none of the tax.
    await shipAndRelease(a, buyer.id, oa.id);
    expect(await accountBalance(db(), sellerPayable(a.seller.id), "USD")).toBe(6_999 - 1_050 + 500);
    await invariantsHold();

    // One 19.99 line refunded after release: its price plus its share of the tax (544 × 1999/7499 → 145).
    const r = await refundOrder({
      orderId: oa.id,
      actorType: "admin",
      reason: "Damaged",
      lines: [{ orderItemId: oa.items[0].id, quantity: 1 }],
      key: `test:${oa.id}:line`,
    });
    expect(r).toMatchObject({ outcome: "refunded", amountCents: 1_999 + 145 });
    expect(await accountBalance(db(), TAX_PAYABLE, "USD")).toBe(taxBefore + 544 - 145 + 725);
    // Then the rest: every cent of the order's tax is back with the buyer.
    await refundOrder({ orderId: oa.id, actorType: "admin", reason: "Rest", key: `test:${oa.id}:rest` });
    expect(await db().order.findUniqueOrThrow({ where: { id: oa.id } })).toMatchObject({
      refundedCents: oa.totalCents,
      refundedTaxCents: 544,
    });
    expect(await accountBalance(db(), TAX_PAYABLE, "USD")).toBe(taxBefore + 725);
    await invariantsHold();
  });
});
