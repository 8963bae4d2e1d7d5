import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { CheckoutKey, CheckoutResult, PlacedCheckout } from "./create-checkout";

/** An Idempotency-Key's row as the checkout reads it. */
export type StoredCheckoutKey = {
  requestHash: string;
  responseStatus: number | null;
  responseBody: Prisma.JsonValue | null;
  completedAt: Date | string | null;
};

/**
 * The stored result of an earlier checkout under this Idempotency-Key, or null when the key is
 * unused or its checkout has not finished. The same key with another body is a 422. `stored` is
 * the key's row when the caller read it already (null: there is none), saving the round trip.
 */
export async function findCheckoutReplay(
  key: CheckoutKey,
  stored?: StoredCheckoutKey | null,
): Promise<CheckoutResult | null> {
  const row =
    stored !== undefined
      ? stored
      : await db().idempotencyKey.findUnique({ where: { scope_key: { scope: key.scope, key: key.key } } });
  if (!row) return null;
  if (row.requestHash !== key.hash)
    throw new AppError(
      "unprocessable",
      "This Idempotency-Key was already used with a different request. Use a new key for a new checkout.",
    );
  if (!row.completedAt || !row.responseBody) return null;
  return { status: row.responseStatus ?? 201, checkout: storedCheckout(row.responseBody), replayed: true };
}

// Records written before checkouts were stored in the domain's shape hold the API's snake_case
// body; both read back as a PlacedCheckout.
function storedCheckout(json: Prisma.JsonValue): PlacedCheckout {
  const r = json as Record<string, unknown>;
  if (typeof r.checkout_id === "string") {
    const w = r as unknown as LegacyCheckoutBody;
    return {
      checkoutId: w.checkout_id,
      status: w.status,
      totalCents: w.total.amount_cents,
      currency: w.total.currency,
      reservationExpiresAt: new Date(w.reservation_expires_at),
      estimatedDelivery: w.estimated_delivery,
      orders: w.orders.map((o) => ({
        orderId: o.order_id,
        sellerId: o.seller_id,
        status: o.status,
        totalCents: o.total.amount_cents,
      })),
      fx: null,
    };
  }
  const c = r as unknown as Omit<PlacedCheckout, "reservationExpiresAt"> & { reservationExpiresAt: string };
  return { ...c, fx: c.fx ?? null, reservationExpiresAt: new Date(c.reservationExpiresAt) };
}

type LegacyCheckoutBody = {
  checkout_id: string;
  status: "payment_pending";
  total: { amount_cents: number; currency: string };
  reservation_expires_at: string;
  estimated_delivery: string;
  orders: { order_id: string; seller_id: string; status: "pending"; total: { amount_cents: number } }[];
};
