import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { accountBalance } from "@/lib/ledger/account-balance";
import { sellerPayable } from "@/lib/ledger/accounts";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { confirmDelivery } from "@/lib/orders/confirm-delivery";
import { shipOrder } from "@/lib/orders/ship-order";
import { releaseEscrow } from "@/lib/payments/release-escrow";
import { createCategory, createProduct, createSeller } from "@/test/factories";
import {
  buyerWithAddress,
  deliver,
  eventsAbout,
  onboardedSeller,
  payCheckout,
  placeCheckout,
} from "@/test/payment-scenario";

import { memoryAdmissionGate } from "./admission-gate";
import { createCheckout } from "./create-checkout";

/** Replaces a seller's default profile's zones (the factory's is free shipping everywhere). */
async function shipsOnly(
  sellerId: string,
  zones: { countries: string[]; firstItemCents: number; additionalItemCents?: number; freeOverCents?: number }[],
) {
  const profile = await db().shippingProfile.findFirstOrThrow({ where: { sellerId, isDefault: true } });
  await db().shippingZone.deleteMany({ where: { profileId: profile.id } });
  await db().shippingZone.createMany({
    data: zones.map((z) => ({
      profileId: profile.id,
      handlingDaysMin: 1,
      handlingDaysMax: 2,
      transitDaysMin: 3,
      transitDaysMax: 6,
      ...z,
    })),
  });
}

describe("checkout with shipping", () => {
  it("charges each shop's shipping in the PaymentIntent, and pays the seller items less commission plus shipping", async () => {
    const [s1, s2] = [await onboardedSeller(), await onboardedSeller()];
    await shipsOnly(s1.seller.id, [{ countries: ["US"], firstItemCents: 500, additionalItemCents: 200 }]);
    await shipsOnly(s2.seller.id, [{ countries: ["US", "CA"], firstItemCents: 799, freeOverCents: 5_000 }]);
    const buyer = await buyerWithAddress();
    const checkout = await placeCheckout({
      buyer,
      lines: [
        { sellerId: s1.seller.id, priceCents: 1_000, quantity: 3 },
        { sellerId: s2.seller.id, priceCents: 2_000 },
      ],
    });
    const orders = await db().order.findMany({ where: { checkoutId: checkout.checkout_id } });
    const of = (sellerId: string) => orders.find((o) => o.sellerId === sellerId)!;
    expect(of(s1.seller.id)).toMatchObject({ subtotalCents: 3_000, shippingCents: 900, totalCents: 3_900 });
    expect(of(s2.seller.id)).toMatchObject({ subtotalCents: 2_000, shippingCents: 799, totalCents: 2_799 });
    // Handling 1-2 days then 3-6 in transit: from 4 to 8 days after the order.
    const days = (d: Date | null) =>
      Math.round((d!.getTime() - Date.parse(of(s1.seller.id).createdAt.toISOString().slice(0, 10))) / 86_400_000);
    expect([days(of(s1.seller.id).deliveryEarliest), days(of(s1.seller.id).deliveryLatest)]).toEqual([4, 8]);
    expect(checkout.total.amount_cents).toBe(3_900 + 2_799);

    const pi = await payCheckout(checkout.checkout_id, buyer.id);
    expect(pi.amount).toBe(orders.reduce((s, o) => s + o.totalCents, 0));
    await deliver(await eventsAbout([pi.id]));

    const o1 = of(s1.seller.id);
    await shipOrder({
      sellerId: s1.seller.id,
      actorId: s1.user.id,
      orderId: o1.id,
      input: { carrier: "UPS", trackingNumber: "1Z999AA1" },
    });
    await confirmDelivery({ buyerId: buyer.id, orderId: o1.id });
    expect(await releaseEscrow(o1.id)).toBe("released");
    // Commission is on the items only; the seller keeps all of the shipping.
    expect(await accountBalance(db(), sellerPayable(s1.seller.id), "USD")).toBe(3_000 - o1.platformFeeCents + 900);
    const { ok, results } = await checkLedgerInvariants();
    expect(ok, JSON.stringify(results)).toBe(true);
  });

  it("refuses an address a shop does not ship to, naming the shop and country, and writes nothing", async () => {
    const { seller } = await createSeller(db());
    await shipsOnly(seller.id, [{ countries: ["US"], firstItemCents: 500 }]);
    const product = await createProduct(db(), {
      sellerId: seller.id,
      categoryId: (await createCategory(db())).id,
      inventoryCount: 5,
    });
    const buyer = await buyerWithAddress();
    await db().address.update({ where: { id: buyer.addressId }, data: { country: "DE" } });
    const key = randomUUID();
    const err = await createCheckout({
      buyerId: buyer.id,
      cartKey: `u:${buyer.id}`,
      lines: [{ productId: product.id, quantity: 1, unitPriceCentsAdded: 1999, addedAt: Date.now() }],
      gate: memoryAdmissionGate(),
      idempotencyKey: key,
      input: { cart_id: `u:${buyer.id}`, shipping_address_id: buyer.addressId },
    }).catch((e: unknown) => e);
    expect(isAppError(err) && { status: err.status, message: err.message }).toEqual({
      status: 422,
      message: `${seller.shopName} does not ship to Germany. Remove its items or choose another address.`,
    });
    expect(await db().checkout.count({ where: { buyerId: buyer.id } })).toBe(0);
    expect(await db().order.count({ where: { buyerId: buyer.id } })).toBe(0);
    expect(await db().idempotencyKey.count({ where: { key } })).toBe(0);
    expect((await db().product.findUniqueOrThrow({ where: { id: product.id } })).inventoryCount).toBe(5);
  });
});
