// Seeded payments (real checkouts paid on the Stripe emulator, a release, refunds before and
// after release, a chargeback lost) give the exact GMV, take rate, refund and chargeback numbers;
// the CSV's totals equal sums taken straight from the ledger entries; only an admin with
// two-factor sign-in gets the export, and a bad range is a 400 with a message.
import { NextRequest } from "next/server";
import type Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";

import * as exportRoute from "@/app/api/v1/admin/analytics/export/route";
import { sealTotpSecret } from "@/lib/auth/seal-totp-secret";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { buyerAccount, CHARGEBACK_LOSSES, COMMISSION, TAX_PAYABLE } from "@/lib/ledger/accounts";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { refundOrder } from "@/lib/payments/refund-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { flushSearchEvents } from "@/lib/search/events/search-event-log";
import { parseSearchParams } from "@/lib/search/parse-search-params";
import { searchProducts } from "@/lib/search/search-products";
import { inRequestScope, requestHeaders, sessionCookie } from "@/test/as-request";
import { createSeller, createUser } from "@/test/factories";
import {
  buyerWithAddress,
  control,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { resolveAnalyticsRange } from "../report/analytics-range";
import { getPlatformAnalytics } from "./get-platform-analytics";

type Viewer = { id: string; email: string; role: Role; twoFactorEnabled: boolean };
let admin: Viewer;

beforeAll(async () => {
  const u = await createUser(db(), { role: "admin" });
  // Admin powers need two-factor sign-in on; the secret is never used here.
  await db().twoFactor.create({
    data: { userId: u.id, secretSealed: sealTotpSecret("JBSWY3DPEHPK3PXP", u.id), enabledAt: new Date() },
  });
  admin = { ...u, twoFactorEnabled: true };
});

async function pay(
  buyer: { id: string; addressId: string },
  lines: { sellerId: string; priceCents: number; quantity?: number }[],
) {
  const checkout = await placeCheckout({ buyer, lines });
  const pi = await payCheckout(checkout.checkout_id, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  return { pi, orderIds: checkout.orders.map((o) => o.order_id) };
}

async function shipConfirmRelease(
  s: { seller: { id: string }; user: { id: string } },
  buyerId: string,
  orderId: string,
) {
  await shipOrder({
    sellerId: s.seller.id,
    actorId: s.user.id,
    orderId,
    input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
  });
  await confirmDelivery({ buyerId, orderId });
  expect(await releaseEscrow(orderId)).toBe("released");
}

/** GMV and the rest computed straight from every ledger entry, by the definitions in get-platform-analytics.ts. */
async function ledgerSums() {
  const entries = await db().ledgerEntry.findMany();
  const sum = (f: (e: (typeof entries)[number]) => number) => entries.reduce((s, e) => s + f(e), 0);
  const toBuyer = (e: (typeof entries)[number]) =>
    e.creditAccount.startsWith(buyerAccount("")) && e.debitAccount !== TAX_PAYABLE;
  return {
    gmv: sum((e) => (e.entryType === "capture" ? e.amountCents : e.entryType === "tax" ? -e.amountCents : 0)),
    commission: sum((e) =>
      e.creditAccount === COMMISSION ? e.amountCents : e.debitAccount === COMMISSION ? -e.amountCents : 0,
    ),
    refunds: sum((e) => (e.entryType === "refund" && toBuyer(e) ? e.amountCents : 0)),
    chargebacks: sum((e) => (e.entryType === "chargeback" && toBuyer(e) ? e.amountCents : 0)),
    losses: sum((e) =>
      e.debitAccount === CHARGEBACK_LOSSES ? e.amountCents : e.creditAccount === CHARGEBACK_LOSSES ? -e.amountCents : 0,
    ),
    orders: new Set(entries.filter((e) => e.entryType === "capture").map((e) => e.orderId)).size,
  };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function exportAs(cookie: string | null, query: string) {
  const url = new URL(`/api/v1/admin/analytics/export${query}`, "http://localhost:3000");
  const headers = requestHeaders({ socket: "198.51.100.20", ...(cookie ? { cookie } : {}) });
  return inRequestScope(url.toString(), headers, () =>
    (exportRoute.GET as Handler)(new NextRequest(url, { headers }), { params: Promise.resolve({}) }),
  );
}

describe("platform analytics", () => {
  it("gives the exact GMV, take rate, refunds and chargebacks of seeded payments, and the CSV's totals are the ledger's sums", async () => {
    const a = await onboardedSeller();
    const b = await onboardedSeller();
    // A New York buyer pays 4 % sales tax on top: it is part of what they pay, not of GMV.
    const ny = await buyerWithAddress();
    await db().address.update({ where: { id: ny.addressId }, data: { region: "NY" } });
    const plain = await buyerWithAddress();
    const disputer = await buyerWithAddress();

    const first = await pay(ny, [
      { sellerId: a.seller.id, priceCents: 5_000 },
      { sellerId: b.seller.id, priceCents: 2_500 },
    ]);
    const [aOrder, bOrder] = await Promise.all(
      first.orderIds.map((id) => db().order.findUniqueOrThrow({ where: { id }, include: { items: true } })),
    ).then((os) => [os.find((o) => o.sellerId === a.seller.id)!, os.find((o) => o.sellerId === b.seller.id)!]);
    expect([aOrder.totalCents, aOrder.taxCents, bOrder.totalCents, bOrder.taxCents]).toEqual([5_200, 200, 2_600, 100]);
    const second = await pay(plain, [{ sellerId: a.seller.id, priceCents: 1_000, quantity: 2 }]);
    const third = await pay(disputer, [{ sellerId: b.seller.id, priceCents: 4_000 }]);

    // Released: 15 % commission of 5 000 and of 2 000 (on prices without tax).
    await shipConfirmRelease(a, ny.id, aOrder.id);
    await shipConfirmRelease(a, plain.id, second.orderIds[0]);
    // Refunded in full before release (2 600, of which 100 tax), after a payment-review hold refused.
    await db().moderationCase.create({
      data: { subjectType: "order", subjectId: bOrder.id, status: "rejected", reasons: [] },
    });
    await refundOrder({
      orderId: bOrder.id,
      actorType: "admin",
      actorId: admin.id,
      reason: "Payment review",
      kind: "fraud",
    });
    // One of the two items refunded after release: 1 000 back, 150 commission reversed.
    const item = await db().orderItem.findFirstOrThrow({ where: { orderId: second.orderIds[0] } });
    await refundOrder({
      orderId: second.orderIds[0],
      actorType: "admin",
      actorId: admin.id,
      reason: "Arrived broken",
      lines: [{ orderItemId: item.id, quantity: 1 }],
      key: `claim:${second.orderIds[0]}`,
      kind: "claim",
    });
    // A held order's card dispute lost: 4 000 back to the buyer, the 15.00 fee the platform's loss.
    const chargeId = third.pi.latest_charge as string;
    const dispute = await control().triggerDispute(chargeId);
    const disputeEvents = async (type: string) =>
      (await eventsAbout([chargeId])).filter((e: Stripe.Event) => e.type === type);
    await deliver(await disputeEvents("charge.dispute.created"));
    await control().closeDispute(dispute.id, "lost");
    await deliver(await disputeEvents("charge.dispute.closed"));

    // A search that finds nothing is logged for the synonyms list.
    const params = new URLSearchParams({ q: "zqxwv flibbertigibbet" });
    const found = await searchProducts(parseSearchParams(params, { strict: true }).request, {
      userId: ny.id,
      isAdmin: false,
    });
    expect(found.results).toHaveLength(0);
    await flushSearchEvents();

    const range = resolveAnalyticsRange({ days: "7" });
    const report = await getPlatformAnalytics({ viewer: admin, range });
    const money = {
      currency: "USD",
      orders: 4,
      gmvCents: 13_500,
      commissionCents: 900,
      refundedCents: 3_500,
      chargebackCents: 4_000,
      chargebackLossCents: 1_500,
    };
    expect(report.current).toEqual({
      money: [money],
      orders: 4,
      activeBuyers: 3,
      activeSellers: 2,
      newSellers: 2,
      fraudHolds: 1,
      fraudHoldsRefused: 1,
      chargebacksOpened: 1,
    });
    expect(report.previous).toMatchObject({ money: [], orders: 0, activeBuyers: 0, fraudHolds: 0 });
    const { currency: _, ...todays } = money;
    expect(report.days.at(-1)).toEqual({ day: range.to, orders: 4, money: { USD: todays } });
    expect(report.noResultQueries.map((q) => [q.query, q.searches, q.searchers])).toEqual([
      ["zqxwv flibbertigibbet", 1, 1],
    ]);
    expect(report.topCategories.reduce((s, c) => s + c.salesCents, 0)).toBe(13_500);

    // The same numbers taken from the ledger entries themselves.
    const ledger = await ledgerSums();
    expect(ledger).toEqual({
      gmv: 13_500,
      commission: 900,
      refunds: 3_500,
      chargebacks: 4_000,
      losses: 1_500,
      orders: 4,
    });

    const res = await exportAs(await sessionCookie(admin), `?from=${range.from}&to=${range.to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "date,currency,orders,gmv,commission,take_rate,refunds,refund_rate,chargebacks,chargeback_losses",
    );
    expect(lines).toHaveLength(1 + 7 + 1);
    const total = lines.at(-1)!.split(",");
    expect(total).toEqual(["total", "USD", "4", "135.00", "9.00", "0.0667", "35.00", "0.2593", "40.00", "15.00"]);
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect([cents(total[3]!), cents(total[4]!), cents(total[6]!), cents(total[8]!), cents(total[9]!)]).toEqual([
      ledger.gmv,
      ledger.commission,
      ledger.refunds,
      ledger.chargebacks,
      ledger.losses,
    ]);
    // The daily rows add up to the total row.
    const daily = lines.slice(1, -1).map((l) => l.split(","));
    expect(daily.reduce((s, r) => s + cents(r[3]!), 0)).toBe(ledger.gmv);

    // A range that ends yesterday has none of today's money.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const before = await getPlatformAnalytics({
      viewer: admin,
      range: resolveAnalyticsRange({ from: yesterday, to: yesterday }),
    });
    expect(before.current.orders).toBe(0);
    expect(before.currencies).toEqual([]);
  });

  it("refuses everyone but an admin with two-factor sign-in, in the route and in the query", async () => {
    const buyer = await createUser(db());
    const { user: seller } = await createSeller(db());
    const noTwoFactor = await createUser(db(), { role: "admin" });
    expect((await exportAs(null, "?days=7")).status).toBe(401);
    for (const who of [buyer, seller, noTwoFactor]) {
      const res = await exportAs(await sessionCookie(who), "?days=7");
      expect(res.status, who.role).toBe(403);
      expect(res.headers.get("content-type")).not.toMatch(/csv/);
    }
    const range = resolveAnalyticsRange({ days: "7" });
    for (const viewer of [
      null,
      { role: "seller" as const, twoFactorEnabled: true },
      { role: "admin" as const, twoFactorEnabled: false },
    ])
      await expect(getPlatformAnalytics({ viewer, range })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers 400 with a message for a bad range, and writes nothing", async () => {
    const cookie = await sessionCookie(admin);
    const entries = await db().ledgerEntry.count();
    for (const [q, says] of [
      ["?from=2026-03-02&to=2026-03-01", "start date must be on or before"],
      ["?from=2025-01-01&to=2026-06-01", "at most 366 days"],
      ["?from=2026-03-01", "both a start and an end date"],
      ["?days=8", "7, 30 or 90"],
      ["?from=soon&to=later", "YYYY-MM-DD"],
      ["?from=2026-01-01&to=2999-01-01", "future"],
    ] as const) {
      const res = await exportAs(cookie, q);
      expect(res.status, q).toBe(400);
      const err = (await res.json()) as { error: { code: string; message: string } };
      expect(err.error.code).toBe("validation_failed");
      expect(err.error.message).toContain(says);
    }
    expect(await db().ledgerEntry.count()).toBe(entries);
  });
});
