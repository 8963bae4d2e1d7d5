import { randomUUID } from "node:crypto";

import type { Tx } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";

import type { PricedCheckout } from "./price-lines";

export type CreatedCheckout = {
  checkoutId: string;
  orders: { orderId: string; sellerId: string; totalCents: number }[];
};

/**
 * Writes a priced checkout inside the caller's transaction: the checkout row, one pending
 * order per seller with its price snapshots, its first status change and an `order.created`
 * event, and the response stored under the claimed Idempotency-Key (built by `response` from
 * the ids, which are chosen here); then the stock reservation of every line (all or nothing).
 *
 * The writes are one statement (data-modifying CTEs): through Prisma's nested create they
 * were four per order plus one per event. The reservations come last, so the product rows
 * stay locked only from them to the commit, which is what a flash sale's one hot row queues on.
 */
export async function createOrdersAndReserve(
  opts: {
    buyerId: string;
    addressId: string;
    shippingAddress: Prisma.InputJsonObject;
    priced: PricedCheckout;
    expiresAt: Date;
    idempotencyKeyId: string;
    response: (created: CreatedCheckout) => Prisma.InputJsonObject;
  },
  tx: Tx,
): Promise<CreatedCheckout> {
  const { buyerId, priced } = opts;
  const created: CreatedCheckout = {
    checkoutId: randomUUID(),
    orders: priced.orders.map((o) => ({ orderId: randomUUID(), sellerId: o.sellerId, totalCents: o.subtotalCents })),
  };
  const orderRows = priced.orders.map((o, i) => ({
    id: created.orders[i].orderId,
    seller_id: o.sellerId,
    subtotal_cents: o.subtotalCents,
    platform_fee_cents: o.platformFeeCents,
    commission_bps: o.commissionBps,
  }));
  const itemRows = priced.orders.flatMap((o, i) =>
    o.items.map((it) => ({
      order_id: created.orders[i].orderId,
      product_id: it.productId,
      title: it.title,
      quantity: it.quantity,
      unit_price_cents: it.unitPriceCents,
    })),
  );
  const now = new Date().toISOString();
  const expiresAt = opts.expiresAt.toISOString();
  const address = JSON.stringify(opts.shippingAddress);
  await tx.$executeRaw`
    WITH c AS (
      INSERT INTO checkouts (id, buyer_id, address_id, total_cents, currency, shipping_address, expires_at, created_at, updated_at)
      VALUES (${created.checkoutId}::uuid, ${buyerId}::uuid, ${opts.addressId}::uuid, ${priced.totalCents}, ${priced.currency},
              ${address}::jsonb, ${expiresAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3))
      RETURNING id
    ), o AS (
      INSERT INTO orders (id, checkout_id, buyer_id, seller_id, subtotal_cents, total_cents, platform_fee_cents, commission_bps,
                          currency, shipping_address, reservation_expires_at, created_at, updated_at)
      SELECT r.id, c.id, ${buyerId}::uuid, r.seller_id, r.subtotal_cents, r.subtotal_cents, r.platform_fee_cents, r.commission_bps,
             ${priced.currency}, ${address}::jsonb, ${expiresAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
        FROM c, jsonb_to_recordset(${JSON.stringify(orderRows)}::jsonb)
             AS r(id uuid, seller_id uuid, subtotal_cents int, platform_fee_cents int, commission_bps int)
      RETURNING id
    ), i AS (
      INSERT INTO order_items (id, order_id, product_id, title_snapshot, quantity, unit_price_cents, currency)
      SELECT gen_random_uuid(), r.order_id, r.product_id, r.title, r.quantity, r.unit_price_cents, ${priced.currency}
        FROM jsonb_to_recordset(${JSON.stringify(itemRows)}::jsonb)
             AS r(order_id uuid, product_id uuid, title text, quantity int, unit_price_cents int)
    ), t AS (
      INSERT INTO order_status_changes (id, order_id, to_status, actor_type, actor_id, note, created_at)
      SELECT gen_random_uuid(), o.id, 'pending'::"OrderStatus", 'buyer'::"ActorType", ${buyerId}::uuid, 'Order placed', ${now}::timestamp(3)
        FROM o
    ), e AS (
      INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, created_at)
      SELECT 'order', o.id::text, 'order.created', '{}'::jsonb, ${now}::timestamp(3) FROM o
    )
    UPDATE idempotency_keys
       SET response_status = 201, response_body = ${JSON.stringify(opts.response(created))}::jsonb, completed_at = ${now}::timestamp(3)
     WHERE id = ${opts.idempotencyKeyId}::uuid`;

  // Reserve in product-id order across all orders, so concurrent checkouts lock rows in one order.
  const items = priced.orders
    .flatMap((o, i) => o.items.map((item) => ({ ...item, orderId: created.orders[i].orderId })))
    .sort((a, b) => a.productId.localeCompare(b.productId));
  for (const item of items) await reserveItem(tx, buyerId, item);
  return created;
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
