import { randomUUID } from "node:crypto";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET as taxReportRoute } from "@/app/api/v1/admin/tax-report/route";
import { db } from "@/lib/db/client";
import { TAX_PAYABLE } from "@/lib/ledger/accounts";
import { memoryAdmissionGate } from "@/lib/orders/admission-gate";
import { createCheckout } from "@/lib/orders/create-checkout";
import { refundOrder } from "@/lib/payments/refund-order";
import { inRequestScope, requestHeaders, sessionCookie } from "@/test/as-request";
import { createCategory, createProduct, createUser } from "@/test/factories";
import { buyerWithAddress, deliver, eventsAbout, onboardedSeller, payCheckout } from "@/test/payment-scenario";

import { addTaxRule } from "./add-tax-rule";
import { taxReport, taxReportCsv } from "./tax-report";

const today = () => new Date().toISOString().slice(0, 10);

/** One paid order of `priceCents` in `currency` shipped to country/region, from a fresh shop. */
async function paidOrder(opts: { country: string; region?: string; currency: string; priceCents: number }) {
  const s = await onboardedSeller();
  const profile = await db().shippingProfile.findFirstOrThrow({ where: { sellerId: s.seller.id, isDefault: true } });
  await db().shippingProfile.update({ where: { id: profile.id }, data: { currency: opts.currency } });
  await db().shippingZone.updateMany({ where: { profileId: profile.id }, data: { firstItemCents: 1_000 } });
  const buyer = await buyerWithAddress();
  await db().address.update({
    where: { id: buyer.addressId },
    data: { country: opts.country, region: opts.region ?? null },
  });
  const category = await createCategory(db());
  const p = await createProduct(db(), { sellerId: s.seller.id, categoryId: category.id, priceCents: opts.priceCents });
  await db().product.update({ where: { id: p.id }, data: { currency: opts.currency, inventoryCount: 5 } });
  const r = await createCheckout({
    buyerId: buyer.id,
    cartKey: `u:${buyer.id}`,
    lines: [{ productId: p.id, quantity: 1, unitPriceCentsAdded: opts.priceCents, addedAt: Date.now() }],
    gate: memoryAdmissionGate(),
    idempotencyKey: randomUUID(),
    input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
  });
  const pi = await payCheckout(r.checkout.checkoutId, buyer.id);
  await deliver(await eventsAbout([pi.id]));
  return db().order.findFirstOrThrow({ where: { checkoutId: r.checkout.checkoutId } });
}

/** What the ledger moved into and out of tax payable for some orders, computed apart from the report. */
async function ledgerTax(orderIds: string[]) {
  const rows = await db().ledgerEntry.findMany({
    where: { orderId: { in: orderIds }, OR: [{ creditAccount: TAX_PAYABLE }, { debitAccount: TAX_PAYABLE }] },
  });
  const sum = (f: (e: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, e) => s + e.amountCents, 0);
  return {
    collected: sum((e) => e.creditAccount === TAX_PAYABLE),
    returned: sum((e) => e.debitAccount === TAX_PAYABLE),
  };
}

describe("the tax report", () => {
  it("shows each jurisdiction's tax as the ledger booked it: collected at payment, returned with a refund, net sales without tax", async () => {
    const admin = await createUser(db(), { role: "admin" });
    // Jurisdictions no other test charges, so this report's rows are this test's orders alone.
    await addTaxRule({
      adminId: admin.id,
      input: { country: "NZ", ratePercent: "15", inclusive: true, label: "GST", validFrom: today() },
    });
    await addTaxRule({
      adminId: admin.id,
      input: {
        country: "US",
        region: "CO",
        ratePercent: "2.9",
        inclusive: false,
        label: "Sales tax",
        validFrom: today(),
      },
    });
    const nz1 = await paidOrder({ country: "NZ", currency: "NZD", priceCents: 11_500 });
    const nz2 = await paidOrder({ country: "NZ", currency: "NZD", priceCents: 2_300 });
    const co = await paidOrder({ country: "US", region: "CO", currency: "USD", priceCents: 10_000 });
    // 15% inside 11 500 + 1 000 shipping: 1 500 + 130; inside 2 300 + 1 000: 300 + 130.
    expect([nz1.taxCents, nz2.taxCents]).toEqual([1_630, 430]);
    // 2.9% on top of 10 000 and of the 1 000 shipping: 290 + 29.
    expect(co).toMatchObject({ taxCents: 319, totalCents: 11_319, taxJurisdiction: "US-CO" });
    await refundOrder({ orderId: nz2.id, actorType: "admin", reason: "Never arrived" });

    const report = await taxReport({ from: today(), to: today() });
    const nz = report.rows.find((r) => r.jurisdiction === "NZ");
    const colorado = report.rows.find((r) => r.jurisdiction === "US-CO");
    const nzLedger = await ledgerTax([nz1.id, nz2.id]);
    expect(nz).toEqual({
      jurisdiction: "NZ",
      label: "GST",
      inclusive: true,
      currency: "NZD",
      orders: 2,
      netSalesCents: 11_500 + 1_000 - 1_630 + (2_300 + 1_000 - 430),
      collectedCents: nzLedger.collected,
      refundedCents: 430,
      reversedCents: 0,
      netCents: nzLedger.collected - nzLedger.returned,
    });
    expect(nzLedger).toEqual({ collected: 2_060, returned: 430 });
    expect(colorado).toMatchObject({
      currency: "USD",
      orders: 1,
      netSalesCents: 11_000,
      collectedCents: 319,
      netCents: 319,
    });
    // Per currency, the totals are the sum of the rows.
    for (const t of report.totals) {
      const rows = report.rows.filter((r) => r.currency === t.currency);
      expect(t.netCents).toBe(rows.reduce((s, r) => s + r.netCents, 0));
    }

    const csv = taxReportCsv(report).split("\r\n");
    expect(csv[0]).toBe(
      "jurisdiction,name,tax,included_in_price,currency,orders,net_sales,tax_collected,tax_refunded,tax_reversed,net_tax_payable",
    );
    expect(csv).toContain("NZ,New Zealand,GST,yes,NZD,2,137.40,20.60,4.30,0.00,16.30");
    expect(csv).toContain('US-CO,"United States, CO",Sales tax,no,USD,1,110.00,3.19,0.00,0.00,3.19');
    expect(csv.some((l) => l.startsWith("total,") && l.includes(",NZD,"))).toBe(true);
  });

  type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  async function call(query: string, cookie: string) {
    const url = new URL(`/api/v1/admin/tax-report${query}`, "http://localhost:3000");
    const headers = requestHeaders({ cookie, socket: "198.51.100.21" });
    return inRequestScope(url.toString(), headers, () =>
      (taxReportRoute as Handler)(new NextRequest(url, { method: "GET", headers }), { params: Promise.resolve({}) }),
    );
  }

  it("exports CSV to an admin with two-factor sign-in only, and answers a bad period with 400 and a message", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await db().twoFactor.create({ data: { userId: admin.id, secretSealed: "test", enabledAt: new Date() } });
    const cookie = await sessionCookie(admin);
    const ok = await call(`?from=${today()}&to=${today()}`, cookie);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(ok.headers.get("content-disposition")).toContain(`tax-${today()}-to-${today()}.csv`);
    expect((await ok.text()).split("\r\n")[0]).toMatch(/^jurisdiction,name,tax,/);

    const buyer = await createUser(db());
    const refused = await call("?days=30", await sessionCookie(buyer));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("jurisdiction,");

    for (const q of [
      "?from=2026-03-02&to=2026-03-01",
      "?from=2026-03-01",
      "?from=2020-01-01&to=2026-01-01",
      "?days=8",
    ]) {
      const res = await call(q, cookie);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message.length, q).toBeGreaterThan(10);
    }
  });
});
