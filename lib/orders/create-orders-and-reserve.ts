import "server-only";

import { randomUUID } from "node:crypto";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { FxLock } from "@/lib/fx/convert-checkout";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryRange } from "@/lib/shipping/delivery-range";

import type { CheckoutKey } from "./create-checkout";
import type { PricedCheckout } from "./price-lines";

export type CreatedCheckout = {
  checkoutId: string;
  orders: { orderId: string; sellerId: string; totalCents: number }[];
};

/**
 * Writes a priced checkout in one statement, which is its whole transaction: it claims the
 * Idempotency-Key (its row carries the response, built by `response` from the ids chosen here),
 * writes the checkout row, one pending order per seller with its price snapshots, its first
 * status change and an `order.created` event, and reserves every line's stock with its
 * adjustment row and `product.inventory_changed` event (what adjustInventory writes, for every
 * line at once). All or nothing: a line without the stock breaks the products CHECK
 * (inventory_count >= 0), which aborts the statement, and that is answered as a 409 naming the
 * line. `{ claimed: false }` when another request already holds the key: nothing was written.
 *
 * One round trip and no BEGIN/COMMIT: the hot product's row is locked only while this one
 * statement runs, which is what a flash sale queues on, and the statement needs no session
 * state (PgBouncer in transaction mode). Lines are reserved in product-id order, so concurrent
 * checkouts lock shared rows in one order.
 *
 * A variant's line takes its stock from the variant and from its product's total (the sum of
 * its variants): the products are updated first (the variants' update joins their result), so
 * the product row is locked before its variants', as in adjustInventory; a variant without the
 * stock breaks product_variants_inventory_count_check, answered the same way.
 */
export async function createOrdersAndReserve(opts: {
  buyerId: string;
  addressId: string;
  shippingAddress: Prisma.InputJsonObject;
  priced: PricedCheckout;
  /** The rates locked for orders in another currency than the checkout's (kept on the checkout). */
  lock?: FxLock | null;
  /** Each order's delivery window, in the order of priced.orders. */
  deliveries: DeliveryRange[];
  expiresAt: Date;
  key: CheckoutKey;
  response: (created: CreatedCheckout) => Prisma.InputJsonObject;
}): Promise<{ claimed: true; created: CreatedCheckout } | { claimed: false; created?: never }> {
  const { buyerId, priced, key } = opts;
  const created: CreatedCheckout = {
    checkoutId: randomUUID(),
    // In the checkout's currency: what the buyer pays for each shop.
    orders: priced.orders.map((o) => ({
      orderId: randomUUID(),
      sellerId: o.sellerId,
      totalCents: o.charge?.totalCents ?? o.totalCents,
    })),
  };
  const orderRows = priced.orders.map((o, i) => ({
    id: created.orders[i].orderId,
    seller_id: o.sellerId,
    subtotal_cents: o.subtotalCents,
    shipping_cents: o.shippingCents,
    total_cents: o.totalCents,
    platform_fee_cents: o.platformFeeCents,
    commission_bps: o.commissionBps,
    tax_cents: o.taxCents,
    shipping_tax_cents: o.shippingTaxCents,
    tax_inclusive: o.taxInclusive,
    tax_label: o.taxLabel,
    tax_jurisdiction: o.taxJurisdiction,
    currency: o.currency,
    charge_currency: o.charge?.currency ?? null,
    fx_rate: o.charge?.rate ?? null,
    charge_subtotal_cents: o.charge?.subtotalCents ?? null,
    charge_shipping_cents: o.charge?.shippingCents ?? null,
    charge_tax_cents: o.charge?.taxCents ?? null,
    charge_total_cents: o.charge?.totalCents ?? null,
    charge_platform_fee_cents: o.charge?.platformFeeCents ?? null,
    fx_difference_cents: o.charge?.fxDifferenceCents ?? null,
    delivery_earliest: opts.deliveries[i].earliest,
    delivery_latest: opts.deliveries[i].latest,
  }));
  const itemRows = priced.orders
    .flatMap((o, i) =>
      o.items.map((it) => ({
        order_id: created.orders[i].orderId,
        product_id: it.productId,
        variant_id: it.variantId ?? null,
        variant_label: it.variantLabel ?? null,
        title: it.title,
        quantity: it.quantity,
        unit_price_cents: it.unitPriceCents,
        tax_rate_bps: it.taxRateBps,
        tax_cents: it.taxCents,
        tax_inclusive: it.taxInclusive,
        currency: o.currency,
      })),
    )
    .sort((a, b) => a.product_id.localeCompare(b.product_id) || (a.variant_id ?? "").localeCompare(b.variant_id ?? ""));
  const now = new Date().toISOString();
  const expiresAt = opts.expiresAt.toISOString();
  const address = JSON.stringify(opts.shippingAddress);
  const fxRates = opts.lock ? JSON.stringify(opts.lock) : null;
  const items = JSON.stringify(itemRows);
  let rows: { claimed: number }[];
  try {
    rows = await db().$queryRaw<{ claimed: number }[]>`
      WITH k AS (
        INSERT INTO idempotency_keys (id, scope, key, request_hash, response_status, response_body, created_at, completed_at)
        VALUES (gen_random_uuid(), ${key.scope}, ${key.key}, ${key.hash}, 201, ${JSON.stringify(opts.response(created))}::jsonb,
                ${now}::timestamp(3), ${now}::timestamp(3))
        ON CONFLICT (scope, key) DO NOTHING
        RETURNING id
      ), c AS (
        INSERT INTO checkouts (id, buyer_id, address_id, total_cents, currency, shipping_address, fx_rates, expires_at, created_at, updated_at)
        SELECT ${created.checkoutId}::uuid, ${buyerId}::uuid, ${opts.addressId}::uuid, ${priced.totalCents}, ${priced.currency},
               ${address}::jsonb, ${fxRates}::jsonb, ${expiresAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3) FROM k
        RETURNING id
      ), o AS (
        INSERT INTO orders (id, checkout_id, buyer_id, seller_id, subtotal_cents, shipping_cents, total_cents, platform_fee_cents,
                            commission_bps, tax_cents, shipping_tax_cents, tax_inclusive, tax_label, tax_jurisdiction,
                            currency, charge_currency, fx_rate, charge_subtotal_cents, charge_shipping_cents, charge_tax_cents,
                            charge_total_cents, charge_platform_fee_cents, fx_difference_cents,
                            shipping_address, delivery_earliest, delivery_latest,
                            reservation_expires_at, created_at, updated_at)
        SELECT r.id, c.id, ${buyerId}::uuid, r.seller_id, r.subtotal_cents, r.shipping_cents, r.total_cents, r.platform_fee_cents,
               r.commission_bps, r.tax_cents, r.shipping_tax_cents, r.tax_inclusive, r.tax_label, r.tax_jurisdiction,
               r.currency, r.charge_currency, r.fx_rate, r.charge_subtotal_cents, r.charge_shipping_cents, r.charge_tax_cents,
               r.charge_total_cents, r.charge_platform_fee_cents, r.fx_difference_cents,
               ${address}::jsonb, r.delivery_earliest, r.delivery_latest,
               ${expiresAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
          FROM c, jsonb_to_recordset(${JSON.stringify(orderRows)}::jsonb)
               AS r(id uuid, seller_id uuid, subtotal_cents int, shipping_cents int, total_cents int, platform_fee_cents int,
                    commission_bps int, tax_cents int, shipping_tax_cents int, tax_inclusive boolean, tax_label text,
                    tax_jurisdiction text, currency char(3), charge_currency char(3), fx_rate text, charge_subtotal_cents int,
                    charge_shipping_cents int, charge_tax_cents int, charge_total_cents int, charge_platform_fee_cents int,
                    fx_difference_cents int, delivery_earliest date, delivery_latest date)
        RETURNING id
      ), i AS (
        INSERT INTO order_items (id, order_id, product_id, variant_id, variant_label, title_snapshot, quantity, unit_price_cents,
                                 tax_rate_bps, tax_cents, tax_inclusive, currency)
        SELECT gen_random_uuid(), r.order_id, r.product_id, r.variant_id, r.variant_label, r.title, r.quantity, r.unit_price_cents,
               r.tax_rate_bps, r.tax_cents, r.tax_inclusive, r.currency
          FROM k, jsonb_to_recordset(${items}::jsonb)
               AS r(order_id uuid, product_id uuid, variant_id uuid, variant_label text, title text, quantity int,
                    unit_price_cents int, tax_rate_bps int, tax_cents int, tax_inclusive boolean, currency char(3))
      ), t AS (
        INSERT INTO order_status_changes (id, order_id, to_status, actor_type, actor_id, note, created_at)
        SELECT gen_random_uuid(), o.id, 'pending'::"OrderStatus", 'buyer'::"ActorType", ${buyerId}::uuid, 'Order placed', ${now}::timestamp(3)
          FROM o
      ), e AS (
        INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, created_at)
        SELECT 'order', o.id::text, 'order.created', '{}'::jsonb, ${now}::timestamp(3) FROM o
      ), r AS (
        SELECT r.order_id, r.product_id, r.variant_id, r.quantity
          FROM k, jsonb_to_recordset(${items}::jsonb) AS r(order_id uuid, product_id uuid, variant_id uuid, quantity int)
      ), rp AS (
        -- One row per product (two variants of one listing are two lines of one order).
        SELECT r.order_id, r.product_id, sum(r.quantity)::int AS quantity, bool_or(r.variant_id IS NOT NULL) AS by_variant
          FROM r GROUP BY r.order_id, r.product_id
      ), u AS (
        UPDATE products p SET inventory_count = p.inventory_count - rp.quantity
          FROM rp WHERE p.id = rp.product_id
        RETURNING p.id, p.inventory_count, rp.quantity, rp.order_id, rp.by_variant
      ), uv AS (
        UPDATE product_variants v SET inventory_count = v.inventory_count - r.quantity
          FROM r JOIN u ON u.id = r.product_id
         WHERE v.id = r.variant_id AND v.product_id = r.product_id
        RETURNING v.id, v.product_id, v.inventory_count, r.quantity, r.order_id
      ), a AS (
        INSERT INTO inventory_adjustments (id, product_id, variant_id, delta, resulting_count, reason, actor_id, order_id, created_at)
        SELECT gen_random_uuid(), u.id, NULL::uuid, -u.quantity, u.inventory_count, 'order_reserved'::"InventoryReason",
               ${buyerId}::uuid, u.order_id, ${now}::timestamp(3) FROM u WHERE NOT u.by_variant
        UNION ALL
        SELECT gen_random_uuid(), uv.product_id, uv.id, -uv.quantity, uv.inventory_count, 'order_reserved'::"InventoryReason",
               ${buyerId}::uuid, uv.order_id, ${now}::timestamp(3) FROM uv
      ), pe AS (
        INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, created_at)
        SELECT 'product', u.id::text, 'product.inventory_changed', jsonb_build_object('inventoryCount', u.inventory_count),
               ${now}::timestamp(3) FROM u
      )
      SELECT (SELECT count(*) FROM k)::int AS claimed`;
  } catch (err) {
    if (violatesStockCheck(err)) throw await notEnoughStock(itemRows);
    if (violatesVariantStockCheck(err)) throw await notEnoughVariantStock(itemRows);
    throw err;
  }
  return rows[0].claimed > 0 ? { claimed: true, created } : { claimed: false };
}

function violatesCheck(err: unknown, constraint: string): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (err.meta?.driverAdapterError as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code === "23514" && (cause.message ?? "").includes(constraint);
}
const violatesStockCheck = (err: unknown) => violatesCheck(err, "products_inventory_count_check");
const violatesVariantStockCheck = (err: unknown) => violatesCheck(err, "product_variants_inventory_count_check");

/** The 409 for the first variant line that its variant's stock does not cover now. */
async function notEnoughVariantStock(
  lines: {
    product_id: string;
    variant_id: string | null;
    variant_label: string | null;
    title: string;
    quantity: number;
  }[],
): Promise<AppError> {
  const variantLines = lines.filter((l) => l.variant_id !== null);
  const stock = new Map(
    (
      await db().productVariant.findMany({
        where: { id: { in: variantLines.map((l) => l.variant_id!) } },
        select: { id: true, inventoryCount: true },
      })
    ).map((v) => [v.id, v.inventoryCount]),
  );
  const short = variantLines.find((l) => (stock.get(l.variant_id!) ?? 0) < l.quantity) ?? variantLines[0];
  const available = Math.min(stock.get(short.variant_id!) ?? 0, short.quantity);
  const name = `${short.title} (${short.variant_label})`;
  return new AppError(
    "conflict",
    available === 0
      ? `"${name}" is sold out. Remove it from your cart to continue.`
      : `Only ${available} of "${name}" left; you asked for ${short.quantity}.`,
    { productId: short.product_id, variantId: short.variant_id, available, requested: short.quantity },
  );
}

/** The 409 for the first line (in product-id order) that the stock does not cover now. */
async function notEnoughStock(lines: { product_id: string; title: string; quantity: number }[]): Promise<AppError> {
  const stock = new Map(
    (
      await db().product.findMany({
        where: { id: { in: lines.map((l) => l.product_id) } },
        select: { id: true, inventoryCount: true },
      })
    ).map((p) => [p.id, p.inventoryCount]),
  );
  const short = lines.find((l) => (stock.get(l.product_id) ?? 0) < l.quantity) ?? lines[0];
  const available = Math.min(stock.get(short.product_id) ?? 0, short.quantity);
  return new AppError(
    "conflict",
    available === 0
      ? `"${short.title}" is sold out. Remove it from your cart to continue.`
      : `Only ${available} of "${short.title}" left; you asked for ${short.quantity}.`,
    { productId: short.product_id, available, requested: short.quantity },
  );
}
