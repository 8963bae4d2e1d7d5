import { createHash } from "node:crypto";

import { z } from "zod";

import type { CartLine } from "@/lib/cart/cart-store";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { zodToAppError } from "@/lib/errors/zod-to-app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { adjustInventory } from "@/lib/inventory/adjust-inventory";
import { commissionCents, effectiveBps } from "@/lib/money/commission";
import { recordOutboxEvent } from "@/lib/outbox/record-outbox-event";

import type { AdmissionGate } from "./admission-gate";

export const RESERVATION_MINUTES = 10;
// The delivery date promised at checkout; a parcel not there by then may be claimed as never arrived.
export const DELIVERY_DAYS = 5;

export const ZCheckoutRequest = z.object({
  cart_id: z.string({ error: "cart_id is required." }).min(1, "cart_id is required.").max(100),
  shipping_address_id: z.uuid("shipping_address_id must be one of your addresses."),
  payment_method_id: z.string().max(100).optional(),
});
export type TCheckoutRequest = z.infer<typeof ZCheckoutRequest>;

export type CheckoutResponse = {
  checkout_id: string;
  status: "payment_pending";
  total: { amount_cents: number; currency: string };
  reservation_expires_at: string;
  estimated_delivery: string;
  orders: {
    order_id: string;
    seller_id: string;
    status: "pending";
    total: { amount_cents: number; currency: string };
  }[];
};

export type CheckoutResult = { status: number; body: CheckoutResponse; replayed: boolean };

type Deps = {
  buyerId: string;
  cartKey: string;
  lines: CartLine[];
  gate: AdmissionGate;
  idempotencyKey: string;
  input: unknown;
  hotThreshold?: number;
};

export function requestHash(body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(body ?? null))
    .digest("hex");
}

/**
 * Turns the buyer's cart into one checkout with one order per seller, reserving stock for
 * every line in the same transaction (all or nothing), under an idempotency key: a repeat
 * returns the first result and reserves nothing twice; the same key with another body is a 422.
 * Hot products pass the admission gate first, so a flash sale's excess never reaches the database.
 */
export async function createCheckout(deps: Deps): Promise<CheckoutResult> {
  const parsed = ZCheckoutRequest.safeParse(deps.input);
  if (!parsed.success) throw zodToAppError(parsed.error, "Checkout");
  const input = parsed.data;
  if (!/^[\x21-\x7e]{8,255}$/.test(deps.idempotencyKey))
    throw new AppError("bad_request", "Send an Idempotency-Key header of 8 to 255 visible characters.");
  if (input.cart_id !== deps.cartKey) throw new AppError("forbidden", "That cart is not yours.");
  const scope = `checkout:${deps.buyerId}`;
  const hash = requestHash(input);

  const replay = await findReplay(scope, deps.idempotencyKey, hash);
  if (replay) return replay;

  const lines = [...deps.lines].filter((l) => l.quantity > 0).sort((a, b) => a.productId.localeCompare(b.productId));
  if (lines.length === 0) throw new AppError("unprocessable", "Your cart is empty.");

  const hot = new Set(
    (
      await db().product.findMany({
        where: { id: { in: lines.map((l) => l.productId) }, isHot: true },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  const admitted: CartLine[] = [];
  try {
    for (const line of lines.filter((l) => hot.has(l.productId))) {
      const a = await deps.gate.admit(line.productId, line.quantity);
      if (a === "sold_out")
        throw new AppError("conflict", "Sold out: this item has no stock left.", {
          productId: line.productId,
          available: 0,
        });
      if (a === "admitted") admitted.push(line);
    }
    const result = await db().$transaction((tx) => reserveAndCreate(tx, { ...deps, lines, input, scope, hash }), {
      maxWait: 30_000,
      timeout: 30_000,
    });
    if (result.replayed) await releaseAll(deps.gate, admitted);
    return result;
  } catch (err) {
    await releaseAll(deps.gate, admitted);
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      // Another request with this key committed first: answer with its result.
      const again = await findReplay(scope, deps.idempotencyKey, hash);
      if (again) return again;
    }
    throw err;
  }
}

async function releaseAll(gate: AdmissionGate, lines: CartLine[]) {
  for (const l of lines) await gate.release(l.productId, l.quantity);
}

async function findReplay(scope: string, key: string, hash: string): Promise<CheckoutResult | null> {
  const row = await db().idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
  if (!row) return null;
  if (row.requestHash !== hash)
    throw new AppError(
      "unprocessable",
      "This Idempotency-Key was already used with a different request. Use a new key for a new checkout.",
    );
  if (!row.completedAt || !row.responseBody) return null;
  return { status: row.responseStatus ?? 201, body: row.responseBody as unknown as CheckoutResponse, replayed: true };
}

async function reserveAndCreate(
  tx: Tx,
  ctx: Deps & { lines: CartLine[]; input: TCheckoutRequest; scope: string; hash: string },
): Promise<CheckoutResult> {
  // The key row is written first: a concurrent request with the same key waits here on the
  // unique index until this transaction ends, then replays its result.
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO idempotency_keys (id, scope, key, request_hash) VALUES (gen_random_uuid(), ${ctx.scope}, ${ctx.idempotencyKey}, ${ctx.hash})
    ON CONFLICT (scope, key) DO NOTHING RETURNING id`;
  if (claimed.length === 0) {
    const row = await tx.idempotencyKey.findUniqueOrThrow({
      where: { scope_key: { scope: ctx.scope, key: ctx.idempotencyKey } },
    });
    if (row.requestHash !== ctx.hash)
      throw new AppError(
        "unprocessable",
        "This Idempotency-Key was already used with a different request. Use a new key for a new checkout.",
      );
    if (!row.completedAt || !row.responseBody)
      throw new AppError("conflict", "This checkout is still being processed. Try again in a moment.");
    return { status: row.responseStatus ?? 201, body: row.responseBody as unknown as CheckoutResponse, replayed: true };
  }

  const address = await tx.address.findFirst({ where: { id: ctx.input.shipping_address_id, userId: ctx.buyerId } });
  if (!address) throw new AppError("not_found", "Choose one of your shipping addresses.");

  const products = await tx.product.findMany({
    where: { id: { in: ctx.lines.map((l) => l.productId) } },
    select: {
      id: true,
      title: true,
      priceCents: true,
      currency: true,
      status: true,
      sellerId: true,
      seller: { select: { status: true } },
      category: { select: { commissionBps: true } },
    },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  for (const line of ctx.lines) {
    const p = byId.get(line.productId);
    if (!p || p.status !== "active" || p.seller.status !== "active")
      throw new AppError("conflict", `"${p?.title ?? "An item"}" is no longer available. Remove it from your cart.`, {
        productId: line.productId,
      });
  }
  const currencies = new Set(products.map((p) => p.currency));
  if (currencies.size !== 1)
    throw new AppError("unprocessable", "Your cart mixes currencies; check out one currency at a time.");
  const currency = [...currencies][0];

  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
  const shippingAddress = {
    fullName: address.fullName,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    country: address.country,
    phone: address.phone,
  };
  const bySeller = new Map<string, CartLine[]>();
  for (const line of ctx.lines)
    bySeller.set(byId.get(line.productId)!.sellerId, [
      ...(bySeller.get(byId.get(line.productId)!.sellerId) ?? []),
      line,
    ]);
  const totalCents = ctx.lines.reduce((s, l) => s + l.quantity * byId.get(l.productId)!.priceCents, 0);

  const checkout = await tx.checkout.create({
    data: { buyerId: ctx.buyerId, addressId: address.id, totalCents, currency, shippingAddress, expiresAt },
    select: { id: true },
  });
  const defaultBps = env().COMMISSION_BPS;
  const orders: CheckoutResponse["orders"] = [];
  for (const [sellerId, sellerLines] of [...bySeller.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const subtotal = sellerLines.reduce((s, l) => s + l.quantity * byId.get(l.productId)!.priceCents, 0);
    const fee = commissionCents(
      sellerLines.map((l) => ({
        amountCents: l.quantity * byId.get(l.productId)!.priceCents,
        bps: byId.get(l.productId)!.category.commissionBps ?? defaultBps,
      })),
    );
    const order = await tx.order.create({
      data: {
        checkoutId: checkout.id,
        buyerId: ctx.buyerId,
        sellerId,
        subtotalCents: subtotal,
        totalCents: subtotal,
        platformFeeCents: fee,
        commissionBps: effectiveBps(subtotal, fee),
        currency,
        shippingAddress,
        reservationExpiresAt: expiresAt,
        items: {
          create: sellerLines.map((l) => ({
            productId: l.productId,
            titleSnapshot: byId.get(l.productId)!.title,
            quantity: l.quantity,
            unitPriceCents: byId.get(l.productId)!.priceCents,
            currency,
          })),
        },
        transitions: {
          create: { toStatus: "pending", actorType: "buyer", actorId: ctx.buyerId, note: "Order placed" },
        },
      },
      select: { id: true },
    });
    orders.push({
      order_id: order.id,
      seller_id: sellerId,
      status: "pending",
      total: { amount_cents: subtotal, currency },
    });
  }
  // Reserve in product-id order (the lines are sorted), so concurrent checkouts lock rows in one order.
  const orderOf = new Map(
    orders.flatMap((o) => bySeller.get(o.seller_id)!.map((l) => [l.productId, o.order_id] as const)),
  );
  for (const line of ctx.lines) {
    try {
      await adjustInventory(tx, {
        productId: line.productId,
        delta: -line.quantity,
        reason: "order_reserved",
        orderId: orderOf.get(line.productId),
        actorId: ctx.buyerId,
      });
    } catch (err) {
      if (isAppError(err) && err.status === 409) {
        const available = Number(err.details?.available ?? 0);
        const title = byId.get(line.productId)!.title;
        throw new AppError(
          "conflict",
          available === 0
            ? `"${title}" is sold out. Remove it from your cart to continue.`
            : `Only ${available} of "${title}" left; you asked for ${line.quantity}.`,
          { productId: line.productId, available, requested: line.quantity },
        );
      }
      throw err;
    }
  }
  for (const o of orders)
    await recordOutboxEvent(tx, { aggregateType: "order", aggregateId: o.order_id, eventType: "order.created" });

  const body: CheckoutResponse = {
    checkout_id: checkout.id,
    status: "payment_pending",
    total: { amount_cents: totalCents, currency },
    reservation_expires_at: expiresAt.toISOString(),
    estimated_delivery: new Date(now.getTime() + DELIVERY_DAYS * 86_400_000).toISOString().slice(0, 10),
    orders,
  };
  await tx.idempotencyKey.update({
    where: { id: claimed[0].id },
    data: { responseStatus: 201, responseBody: body, completedAt: new Date() },
  });
  return { status: 201, body, replayed: false };
}
