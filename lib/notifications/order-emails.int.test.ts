import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { openDispute } from "@/lib/payments/open-dispute";
import { resolveDispute } from "@/lib/payments/resolve-dispute";
import { createUser } from "@/test/factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";
import { runDomainEvents } from "@/test/run-domain-events";

let adminId: string;
beforeAll(async () => {
  adminId = (await createUser(db(), { role: "admin" })).id;
});

// The emails react to the order's moves in the worker; run what it would have run by now.
const mail = async (orderId: string) => {
  await runDomainEvents();
  return db().notification.findMany({
    where: { dedupeKey: { startsWith: `order:${orderId}:` } },
    orderBy: [{ createdAt: "asc" }, { template: "asc" }],
    select: { template: true, toAddress: true, subject: true, body: true },
  });
};

describe("order emails", () => {
  it("buyer and seller hear about payment, shipping, delivery, a dispute and a refund, once each, even when webhooks repeat", async () => {
    const [s1, s2] = [await onboardedSeller(), await onboardedSeller()];
    const buyer = await buyerWithAddress();
    const buyerEmail = (await db().user.findUniqueOrThrow({ where: { id: buyer.id } })).email;
    const checkout = await placeCheckout({
      buyer,
      lines: [
        { sellerId: s1.seller.id, priceCents: 4_200 },
        { sellerId: s2.seller.id, priceCents: 1_999 },
      ],
    });
    const [o1, o2] = [s1, s2].map((s) => checkout.orders.find((o) => o.seller_id === s.seller.id)!.order_id);
    expect(await mail(o1)).toEqual([]);

    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    const events = await eventsAbout([pi.id]);
    await deliver([...events, ...events]);
    const paid = await mail(o1);
    expect(paid.map((m) => [m.template, m.toAddress])).toEqual([
      ["order-paid-buyer", buyerEmail],
      ["order-paid-seller", s1.user.email],
    ]);
    expect(paid[0].subject).toBe(`Order confirmed: ${s1.seller.shopName} ($42.00)`);
    expect(paid[0].body).toContain(`/orders/${o1}`);
    expect(paid[1].body).toContain("Ship to Pat Buyer, Springfield (US)");

    await shipOrder({
      sellerId: s1.seller.id,
      actorId: s1.user.id,
      orderId: o1,
      input: { carrier: "UPS", trackingNumber: "1Z999AA10123456784" },
    });
    await confirmDelivery({ buyerId: buyer.id, orderId: o1 });
    await confirmDelivery({ buyerId: buyer.id, orderId: o1 }).catch(() => undefined);
    const after = await mail(o1);
    expect(after.map((m) => m.template)).toEqual([
      "order-paid-buyer",
      "order-paid-seller",
      "order-shipped-buyer",
      "order-delivered-seller",
    ]);
    expect(after[2].body).toContain("with UPS, tracking number 1Z999AA10123456784");
    expect(after[3].toAddress).toBe(s1.user.email);

    await shipOrder({
      sellerId: s2.seller.id,
      actorId: s2.user.id,
      orderId: o2,
      input: { carrier: "DHL", trackingNumber: "JD0123456" },
    });
    await openDispute({ buyerId: buyer.id, orderId: o2, input: { reason: "The parcel never arrived." } });
    const dispute = await db().dispute.findFirstOrThrow({ where: { orderId: o2 } });
    await resolveDispute({ disputeId: dispute.id, adminId, decision: "refund", note: "Carrier lost it" });
    const second = await mail(o2);
    expect(second.map((m) => m.template)).toEqual([
      "order-paid-buyer",
      "order-paid-seller",
      "order-shipped-buyer",
      "order-disputed-seller",
      "order-refunded-buyer",
      "order-refunded-seller",
    ]);
    expect(second[4]).toMatchObject({
      toAddress: buyerEmail,
      subject: `Refund of $19.99 for your order from ${s2.seller.shopName}`,
    });
    expect(second[5].body).toContain("after the dispute was decided");
    // Each email is queued for delivery by the worker.
    expect(
      await db().notification.count({ where: { dedupeKey: { startsWith: `order:${o2}:` }, status: "queued" } }),
    ).toBe(6);
  });
});
