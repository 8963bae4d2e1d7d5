import type { Tx } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import type { PricedCheckout } from "./price-lines";

export type CreatedCheckout = {
  checkoutId: string;
  orders: { orderId: string; sellerId: string; totalCents: number }[];
};

/**
 * Writes a priced checkout: the checkout row, one pending order per seller with its price
 * snapshots, then the stock reservation of every line (all or nothing, inside the caller's
 * transaction) and an `order.created` event per order.
 */
export async function createOrdersAndReserve(
  opts: {
    buyerId: string;
    addressId: string;
    shippingAddress: Prisma.InputJsonObject;
    priced: PricedCheckout;
    expiresAt: Date;
  },
  tx: Tx,
): Promise<CreatedCheckout> {
  const { buyerId, shippingAddress, priced, expiresAt } = opts;
  const { currency } = priced;
  const checkout = await tx.checkout.create({
    data: {
      buyerId,
      addressId: opts.addressId,
      totalCents: priced.totalCents,
      currency,
      shippingAddress,
      expiresAt,
    },
    select: { id: true },
  });
  const orders: CreatedCheckout["orders"] = [];
  for (const o of priced.orders) {
    const order = await tx.order.create({
      data: {
        checkoutId: checkout.id,
        buyerId,
        sellerId: o.sellerId,
        subtotalCents: o.subtotalCents,
        totalCents: o.subtotalCents,
        platformFeeCents: o.platformFeeCents,
        commissionBps: o.commissionBps,
        currency,
        shippingAddress,
        reservationExpiresAt: expiresAt,
        items: {
          create: o.items.map((i) => ({
            productId: i.productId,
            titleSnapshot: i.title,
            quantity: i.quantity,
            unitPriceCents: i.unitPriceCents,
            currency,
          })),
        },
        transitions: { create: { toStatus: "pending", actorType: "buyer", actorId: buyerId, note: "Order placed" } },
      },
      select: { id: true },
    });
    orders.push({ orderId: order.id, sellerId: o.sellerId, totalCents: o.subtotalCents });
  }

  // Reserve in product-id order across all orders, so concurrent checkouts lock rows in one order.
  const items = priced.orders
    .flatMap((o, i) => o.items.map((item) => ({ ...item, orderId: orders[i].orderId })))
    .sort((a, b) => a.productId.localeCompare(b.productId));
  for (const item of items) await reserveItem(tx, buyerId, item);

  for (const o of orders)
    await recordOutboxEvent(tx, { aggregateType: "order", aggregateId: o.orderId, eventType: "order.created" });
  return { checkoutId: checkout.id, orders };
}

async function reserveItem(
  tx: Tx,
  buyerId: string,
  item: { productId: string; title: string; quantity: number; orderId: string },
) {
  try {
    await adjustInventory(tx, {
      productId: item.productId,
      delta: -item.quantity,
      reason: "order_reserved",
      orderId: item.orderId,
      actorId: buyerId,
    });
  } catch (err) {
    if (isAppError(err) && err.status === 409) {
      const available = Number(err.details?.available ?? 0);
      throw new AppError(
        "conflict",
        available === 0
          ? `"${item.title}" is sold out. Remove it from your cart to continue.`
          : `Only ${available} of "${item.title}" left; you asked for ${item.quantity}.`,
        { productId: item.productId, available, requested: item.quantity },
      );
    }
    throw err;
  }
}
