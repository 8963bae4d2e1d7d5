import { randomUUID } from "node:crypto";

import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { convertCents } from "@/lib/fx/rate-math";
import { accountBalance } from "@/lib/ledger/account-balance";
import { buyerAccount, FX_DIFFERENCE, fxAccount, sellerPayable, TAX_PAYABLE } from "@/lib/ledger/accounts";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { refundOrder } from "@/lib/payments/refund-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { stripe } from "@/lib/payments/stripe-client";
import { createCategory, createProduct, createUser } from "@/test/factories";
import { buyerWithAddress, deliver, eventsAbout, onboardedSeller, payCheckout } from "@/test/payment-scenario";

import { memoryAdmissionGate } from "./admission-gate";
import { createCheckout } from "./create-checkout";

const RATES = { USD: "1.0512", GBP: "0.8297", EUR: "1", CAD: "1.4800", AUD: "1.6300" };

beforeEach(async () => {
  for (const [currency, perEur] of Object.entries(RATES))
    await db().exchangeRate.upsert({
      where: { currency },
      create: { currency, perEur, asOf: new Date("2026-12-02T00:00:00Z"), source: "ecb" },
      update: { perEur, asOf: new Date("2026-12-02T00:00:00Z"), source: "ecb" },
    });
});

/** An onboarded seller pricing and shipping (everywhere, at `shippingCents`) in `currency`. */
async function shopIn(currency: string, shippingCents: number) {
  const s = await onboardedSeller();
  const profile = await db().shippingProfile.findFirstOrThrow({ where: { sellerId: s.seller.id, isDefault: true } });
  await db().shippingProfile.update({ where: { id: profile.id }, data: { currency } });
  await db().shippingZone.updateMany({ where: { profileId: profile.id }, data: { firstItemCents: shippingCents } });
  return { ...s, currency };
}

async function germanBuyer() {
  const buyer = await buyerWithAddress();
  await db().address.update({ where: { id: buyer.addressId }, data: { country: "DE", region: "BE" } });
  // A buyer of two years: the test cards are American, and a brand-new account paying with a US card
  // to German delivery at brand-new shops is what the risk model holds (lib/fraud), not this test's subject.
  await db().user.update({ where: { id: buyer.id }, data: { createdAt: new Date(Date.now() - 730 * 86_400_000) } });
  return buyer;
}

async function cartOf(lines: { sellerId: string; currency: string; priceCents: number; quantity: number }[]) {
  const categoryId = (await createCategory(db())).id;
  const cart = [];
  for (const l of lines) {
    const p = await createProduct(db(), { sellerId: l.sellerId, categoryId, priceCents: l.priceCents });
    await db().product.update({ where: { id: p.id }, data: { currency: l.currency, inventoryCount: 20 } });
    cart.push({ productId: p.id, quantity: l.quantity, unitPriceCentsAdded: l.priceCents, addedAt: Date.now() });
  }
  return cart;
}

function checkout(
  buyer: { id: string; addressId: string },
  lines: Awaited<ReturnType<typeof cartOf>>,
  currency?: string,
) {
  return createCheckout({
    buyerId: buyer.id,
    cartKey: `u:${buyer.id}`,
    lines,
    gate: memoryAdmissionGate(),
    idempotencyKey: randomUUID(),
    input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId, currency },
  });
}

async function shipAndConfirm(s: { seller: { id: string }; user: { id: string } }, orderId: string, buyerId: string) {
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  await confirmDelivery({ buyerId, orderId });
}

describe("a checkout in the buyer's currency", () => {
  it("three shops in USD, EUR and GBP paid in EUR from Germany: one EUR charge, each seller paid in theirs, a refund in EUR", async () => {
    const usd = await shopIn("USD", 499);
    const eur = await shopIn("EUR", 450);
    const gbp = await shopIn("GBP", 375);
    const buyer = await germanBuyer();
    const lines = await cartOf([
      { sellerId: usd.seller.id, currency: "USD", priceCents: 2_999, quantity: 1 },
      { sellerId: eur.seller.id, currency: "EUR", priceCents: 1_999, quantity: 2 },
      { sellerId: gbp.seller.id, currency: "GBP", priceCents: 1_250, quantity: 3 },
    ]);
    const placed = await checkout(buyer, lines, "eur");
    expect(placed.status).toBe(201);
    expect(placed.checkout.currency).toBe("EUR");

    // The rates are locked on the checkout, with their source and day.
    const row = await db().checkout.findUniqueOrThrow({ where: { id: placed.checkout.checkoutId } });
    expect(row.currency).toBe("EUR");
    const lock = row.fxRates as { lockedAt: string; rates: { from: string; to: string; rate: string }[] };
    expect(lock.rates).toEqual([
      { from: "GBP", to: "EUR", rate: "1.20525491", source: "ecb", asOf: "2026-12-02" },
      { from: "USD", to: "EUR", rate: "0.95129376", source: "ecb", asOf: "2026-12-02" },
    ]);
    expect(placed.checkout.fx).toEqual(lock);
    expect(Date.parse(lock.lockedAt)).toBeLessThanOrEqual(Date.now());

    const orders = await db().order.findMany({ where: { checkoutId: row.id }, include: { items: true } });
    const of = (s: { seller: { id: string } }) => orders.find((o) => o.sellerId === s.seller.id)!;
    // Each order in its shop's currency, with German VAT inside the prices.
    expect(of(usd)).toMatchObject({ currency: "USD", subtotalCents: 2_999, shippingCents: 499, totalCents: 3_498 });
    expect(of(eur)).toMatchObject({ currency: "EUR", subtotalCents: 3_998, shippingCents: 450, chargeCurrency: null });
    expect(of(gbp)).toMatchObject({ currency: "GBP", subtotalCents: 3_750, shippingCents: 375, totalCents: 4_125 });
    for (const o of orders) {
      expect(o).toMatchObject({ taxJurisdiction: "DE", taxInclusive: true });
      expect(o.taxCents).toBeGreaterThan(0);
      expect(o.items.every((i) => i.currency === o.currency)).toBe(true);
    }
    // The converted orders' EUR amounts: within a cent of the exact conversion, adding up inside.
    for (const o of [of(usd), of(gbp)]) {
      expect(o.chargeCurrency).toBe("EUR");
      const alone = convertCents(o.totalCents, o.currency, "EUR", RATES);
      expect(Math.abs(o.chargeTotalCents! - alone)).toBeLessThanOrEqual(1);
      expect(o.fxDifferenceCents).toBe(o.chargeTotalCents! - alone);
      expect(o.chargeSubtotalCents! + o.chargeShippingCents!).toBe(o.chargeTotalCents);
      expect(Math.abs(o.chargeTaxCents! - convertCents(o.taxCents, o.currency, "EUR", RATES))).toBeLessThanOrEqual(1);
    }
    const euros = (o: (typeof orders)[number]) => o.chargeTotalCents ?? o.totalCents;
    expect(row.totalCents).toBe(orders.reduce((s, o) => s + euros(o), 0));
    expect(placed.checkout.orders.map((o) => o.totalCents).sort()).toEqual(orders.map(euros).sort());

    // One PaymentIntent in euros, for exactly the orders' sum.
    const pi = await payCheckout(row.id, buyer.id);
    expect(pi).toMatchObject({ status: "succeeded", currency: "eur", amount: row.totalCents });
    await deliver(await eventsAbout([pi.id]));
    expect(await accountBalance(db(), buyerAccount(buyer.id), "EUR")).toBe(-row.totalCents);
    for (const c of ["USD", "GBP"]) expect(await accountBalance(db(), buyerAccount(buyer.id), c)).toBe(0);
    // The FX account per pair: the euros in, the shop's currency out into escrow.
    const fxUsd = fxAccount("EUR", "USD");
    expect(await accountBalance(db(), fxUsd, "EUR")).toBe(convertCents(3_498, "USD", "EUR", RATES));
    expect(await accountBalance(db(), fxUsd, "USD")).toBe(-3_498);
    expect(await accountBalance(db(), FX_DIFFERENCE, "EUR")).toBe(
      (of(usd).fxDifferenceCents ?? 0) + (of(gbp).fxDifferenceCents ?? 0),
    );
    for (const o of orders) expect(await accountBalance(db(), TAX_PAYABLE, o.currency)).toBe(o.taxCents);

    // The platform's balance in the sellers' currencies pays them (the EUR charge cannot fund USD or GBP).
    await stripe().topups.create({ amount: 100_000, currency: "usd", description: "FX float" });
    await stripe().topups.create({ amount: 100_000, currency: "gbp", description: "FX float" });
    for (const s of [usd, eur, gbp]) {
      await shipAndConfirm(s, of(s).id, buyer.id);
      expect(await releaseEscrow(of(s).id)).toBe("released");
      const o = of(s);
      const share = o.totalCents - o.platformFeeCents - o.taxCents;
      const transfer = await db().transfer.findFirstOrThrow({ where: { orderId: o.id } });
      expect(transfer).toMatchObject({ amountCents: share, status: "paid" });
      const st = await stripe().transfers.retrieve(transfer.stripeTransferId!);
      expect(st).toMatchObject({ currency: s.currency.toLowerCase(), amount: share, destination: s.accountId });
      expect(await accountBalance(db(), sellerPayable(s.seller.id), s.currency)).toBe(share);
      expect(await accountBalance(db(), sellerPayable(s.seller.id), "EUR")).toBe(s.currency === "EUR" ? share : 0);
    }
    expect((await checkLedgerInvariants()).ok).toBe(true);

    // The GBP shop's order refunded whole, after its release: exactly its euros back to the buyer.
    const admin = await createUser(db(), { role: "admin" });
    const g = of(gbp);
    const r = await refundOrder({ orderId: g.id, actorType: "admin", actorId: admin.id, reason: "Damaged" });
    expect(r.outcome).toBe("refunded");
    expect(r.amountCents).toBe(g.totalCents);
    const refund = await db().refund.findUniqueOrThrow({ where: { id: r.refundId! } });
    expect(refund).toMatchObject({
      currency: "GBP",
      amountCents: g.totalCents,
      taxCents: g.taxCents,
      chargeAmountCents: g.chargeTotalCents,
      chargeTaxCents: g.chargeTaxCents,
    });
    const stripeRefund = await stripe().refunds.retrieve(refund.stripeRefundId!);
    expect(stripeRefund).toMatchObject({ amount: g.chargeTotalCents, currency: "eur" });
    expect(await db().order.findUniqueOrThrow({ where: { id: g.id } })).toMatchObject({
      status: "refunded",
      refundedCents: g.totalCents,
      refundedTaxCents: g.taxCents,
      chargeRefundedCents: g.chargeTotalCents,
      chargeRefundedTaxCents: g.chargeTaxCents,
    });
    expect(await accountBalance(db(), buyerAccount(buyer.id), "EUR")).toBe(-(row.totalCents - g.chargeTotalCents!));
    // Its tax left the tax payable in pounds, and its FX pair is back where it started (the
    // first test of the file: these accounts were empty before it).
    expect(await accountBalance(db(), TAX_PAYABLE, "GBP")).toBe(0);
    const fxGbp = fxAccount("EUR", "GBP");
    expect(await accountBalance(db(), fxGbp, "GBP")).toBe(0);
    expect(await accountBalance(db(), fxGbp, "EUR")).toBe(0);
    expect(await accountBalance(db(), FX_DIFFERENCE, "EUR")).toBe(of(usd).fxDifferenceCents ?? 0);
    expect(await accountBalance(db(), sellerPayable(gbp.seller.id), "GBP")).toBe(0);

    // Every ledger transaction is in one currency: each balances on its own.
    const mixed = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT transaction_id FROM ledger_entries GROUP BY 1 HAVING count(DISTINCT currency) > 1) t`;
    expect(mixed[0].n).toBe(0);
    const invariants = await checkLedgerInvariants();
    expect(invariants.ok, JSON.stringify(invariants.results.filter((x) => !x.ok))).toBe(true);
    expect(invariants.results.at(-1)!.detail).toBe("2 converted orders checked");
  });

  it("a partial refund gives back its share of the euros and of the tax; the rest returns exactly what is left", async () => {
    const usd = await shopIn("USD", 0);
    const buyer = await germanBuyer();
    const lines = await cartOf([{ sellerId: usd.seller.id, currency: "USD", priceCents: 3_333, quantity: 3 }]);
    // The platform's accounts are shared with the other tests' orders: what this one changes of them.
    const fx = fxAccount("EUR", "USD");
    const platform = () =>
      Promise.all([
        accountBalance(db(), fx, "EUR"),
        accountBalance(db(), fx, "USD"),
        accountBalance(db(), FX_DIFFERENCE, "EUR"),
        accountBalance(db(), TAX_PAYABLE, "USD"),
      ]);
    const before = await platform();
    const placed = await checkout(buyer, lines, "EUR");
    const pi = await payCheckout(placed.checkout.checkoutId, buyer.id);
    await deliver(await eventsAbout([pi.id]));
    const o = await db().order.findFirstOrThrow({
      where: { checkoutId: placed.checkout.checkoutId },
      include: { items: true },
    });
    expect(pi.amount).toBe(o.chargeTotalCents);
    const admin = await createUser(db(), { role: "admin" });
    const first = await refundOrder({
      orderId: o.id,
      actorType: "admin",
      actorId: admin.id,
      reason: "One broke",
      lines: [{ orderItemId: o.items[0].id, quantity: 1 }],
      key: `refund:${o.id}:1`,
    });
    const r1 = await db().refund.findUniqueOrThrow({ where: { id: first.refundId! } });
    // A third of the goods: a third of the euros, and of the VAT in both currencies.
    expect(r1.amountCents).toBe(3_333);
    expect(r1.chargeAmountCents).toBe(Math.round(o.chargeTotalCents! / 3));
    expect(r1.taxCents).toBe(Math.round(o.taxCents / 3));
    expect(r1.chargeTaxCents).toBe(Math.round(o.chargeTaxCents! / 3));
    const rest = await refundOrder({ orderId: o.id, actorType: "admin", actorId: admin.id, reason: "Rest" });
    const r2 = await db().refund.findUniqueOrThrow({ where: { id: rest.refundId! } });
    expect(r1.chargeAmountCents! + r2.chargeAmountCents!).toBe(o.chargeTotalCents);
    expect(r1.chargeTaxCents! + r2.chargeTaxCents!).toBe(o.chargeTaxCents);
    expect(r1.taxCents + r2.taxCents).toBe(o.taxCents);
    expect(await accountBalance(db(), buyerAccount(buyer.id), "EUR")).toBe(0);
    expect(await platform()).toEqual(before);
  });

  it("refuses an unknown checkout currency with a 400, writing nothing", async () => {
    const usd = await shopIn("USD", 0);
    const buyer = await germanBuyer();
    const lines = await cartOf([{ sellerId: usd.seller.id, currency: "USD", priceCents: 1_000, quantity: 1 }]);
    const counts = async () => [
      await db().checkout.count(),
      await db().order.count(),
      await db().idempotencyKey.count(),
      await db().inventoryAdjustment.count(),
    ];
    const before = await counts();
    for (const currency of ["XYZ", "JPY", "euro"]) {
      const err = await checkout(buyer, lines, currency).catch((e: unknown) => e);
      if (!isAppError(err)) throw new Error(`expected a refusal, got ${String(err)}`);
      expect(err.status).toBe(400);
      expect(err.message).toBe(`Unknown checkout currency "${currency}". You can pay in USD, EUR, GBP, CAD, AUD.`);
    }
    expect(await counts()).toEqual(before);
  });

  it("a cart in one currency paid in it needs no rates: no conversion, nothing locked", async () => {
    const usd = await shopIn("USD", 0);
    const buyer = await buyerWithAddress();
    const lines = await cartOf([{ sellerId: usd.seller.id, currency: "USD", priceCents: 1_000, quantity: 1 }]);
    const placed = await checkout(buyer, lines, "USD");
    expect(placed.checkout).toMatchObject({ currency: "USD", totalCents: 1_000, fx: null });
    const o = await db().order.findFirstOrThrow({ where: { checkoutId: placed.checkout.checkoutId } });
    expect(o).toMatchObject({ currency: "USD", chargeCurrency: null, chargeTotalCents: null });
    expect((await db().checkout.findUniqueOrThrow({ where: { id: placed.checkout.checkoutId } })).fxRates).toBeNull();
  });
});
