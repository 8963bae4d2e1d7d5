import "server-only";

import { createHash } from "node:crypto";

import type { CartLine } from "@/lib/cart/cart-store";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireVerifiedEmail } from "@/lib/users/require-verified-email";

import type { AdmissionGate } from "./admission-gate";
import { admitHotLines } from "./admit-hot-lines";
import { claimCheckoutKey } from "./claim-checkout-key";
import { createOrdersAndReserve, type CreatedCheckout } from "./create-orders-and-reserve";
import { findCheckoutReplay } from "./find-checkout-replay";
import { loadCheckoutInputs } from "./load-checkout-inputs";
import type { TCheckoutRequest } from "./order-input";
import { priceLines, type PricedCheckout } from "./price-lines";

export const RESERVATION_MINUTES = 10;
// The delivery date promised at checkout; a parcel not there by then may be claimed as never arrived.
export const DELIVERY_DAYS = 5;

/** A placed checkout as the domain sees it; checkout-json.ts turns it into the API's shape. */
export type PlacedCheckout = {
  checkoutId: string;
  status: "payment_pending";
  totalCents: number;
  currency: string;
  reservationExpiresAt: Date;
  /** The promised delivery day, YYYY-MM-DD. */
  estimatedDelivery: string;
  orders: { orderId: string; sellerId: string; status: "pending"; totalCents: number }[];
};

export type CheckoutResult = { status: number; checkout: PlacedCheckout; replayed: boolean };

type Deps = {
  buyerId: string;
  cartKey: string;
  lines: CartLine[];
  gate: AdmissionGate;
  /** Its shape is checked at the edge (apiRoute's idempotencyKey option). */
  idempotencyKey: string;
  input: TCheckoutRequest;
  hotThreshold?: number;
};

export function requestHash(body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(body ?? null))
    .digest("hex");
}

/** The Idempotency-Key of one checkout: the buyer's scope, the key, and the request's hash. */
export type CheckoutKey = { scope: string; key: string; hash: string };

/**
 * Turns the buyer's cart into one checkout with one order per seller, reserving stock for
 * every line in the same transaction (all or nothing), under an idempotency key: a repeat
 * returns the first result and reserves nothing twice; the same key with another body is a 422.
 * Hot products pass the admission gate first, so a flash sale's excess never reaches the database.
 */
export async function createCheckout(deps: Deps): Promise<CheckoutResult> {
  const input = deps.input;
  if (input.cart_id !== deps.cartKey) throw new AppError("forbidden", "That cart is not yours.");
  const key: CheckoutKey = { scope: `checkout:${deps.buyerId}`, key: deps.idempotencyKey, hash: requestHash(input) };

  const lines = [...deps.lines].filter((l) => l.quantity > 0).sort((a, b) => a.productId.localeCompare(b.productId));
  // The gate first: a flash sale's excess is refused here, before any database work. A
  // repeat of a finished checkout finds an emptied cart, so it reaches its replay below.
  const admitted = await admitHotLines(deps.gate, lines);
  try {
    const replay = await findCheckoutReplay(key);
    if (replay) {
      await admitted.release();
      return replay;
    }
    if (lines.length === 0) throw new AppError("unprocessable", "Your cart is empty.");
    const { address, products } = await loadCheckoutInputs({
      buyerId: deps.buyerId,
      addressId: input.shipping_address_id,
      productIds: lines.map((l) => l.productId),
    });
    const priced = priceLines(lines, products, env().COMMISSION_BPS);
    // Larger orders need a confirmed address (one more read, only above the limit).
    if (priced.totalCents > env().UNVERIFIED_CHECKOUT_LIMIT_CENTS)
      await requireVerifiedEmail(db(), deps.buyerId, "checkout");
    const result = await db().$transaction(
      (tx) => reserveAndCreate(tx, { buyerId: deps.buyerId, address, priced, key }),
      { maxWait: 30_000, timeout: 30_000 },
    );
    if (result.replayed) await admitted.release();
    return result;
  } catch (err) {
    await admitted.release();
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      // Another request with this key committed first: answer with its result.
      const again = await findCheckoutReplay(key);
      if (again) return again;
    }
    throw err;
  }
}

// The data path of one checkout, in one transaction: claim the key, write the orders with the
// response under the key, and reserve their stock (three statements for a one-line cart).
async function reserveAndCreate(
  tx: Tx,
  ctx: { buyerId: string; address: { id: string } & Prisma.InputJsonObject; priced: PricedCheckout; key: CheckoutKey },
): Promise<CheckoutResult> {
  const claim = await claimCheckoutKey(ctx.key, tx);
  if (claim.replay) return claim.replay;

  const { priced } = ctx;
  const { id: addressId, ...shippingAddress } = ctx.address;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
  const estimatedDelivery = new Date(now.getTime() + DELIVERY_DAYS * 86_400_000).toISOString().slice(0, 10);
  const placed = (created: CreatedCheckout): PlacedCheckout => ({
    checkoutId: created.checkoutId,
    status: "payment_pending",
    totalCents: priced.totalCents,
    currency: priced.currency,
    reservationExpiresAt: expiresAt,
    estimatedDelivery,
    orders: created.orders.map((o) => ({ ...o, status: "pending" })),
  });
  const created = await createOrdersAndReserve(
    {
      buyerId: ctx.buyerId,
      addressId,
      shippingAddress,
      priced,
      expiresAt,
      idempotencyKeyId: claim.claimedId,
      // The replay record keeps the placed checkout, its date as an ISO string (find-checkout-replay reads it back).
      response: (c) => ({ ...placed(c), reservationExpiresAt: expiresAt.toISOString() }),
    },
    tx,
  );
  return { status: 201, checkout: placed(created), replayed: false };
}
