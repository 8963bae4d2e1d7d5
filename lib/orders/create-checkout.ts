import "server-only";

import { createHash } from "node:crypto";

import type { CartLine } from "@/lib/cart/cart-store";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { convertCheckout, type FxLock } from "@/lib/fx/convert-checkout";
import { loadRateSnapshot } from "@/lib/fx/load-rate-table";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SUPPORTED_CURRENCIES } from "@/lib/money/currencies";
import { deliveryRange } from "@/lib/shipping/delivery-range";
import { getTaxEngine } from "@/lib/tax/get-tax-engine";
import { requireVerifiedEmail } from "@/lib/users/require-verified-email";

import type { AdmissionGate } from "./admission-gate";
import { admitHotLines } from "./admit-hot-lines";
import { createOrdersAndReserve, type CreatedCheckout } from "./create-orders-and-reserve";
import { findCheckoutReplay } from "./find-checkout-replay";
import { loadCheckoutInputs } from "./load-checkout-inputs";
import type { TCheckoutRequest } from "./order-input";
import { priceLines, type PricedCheckout } from "./price-lines";
import { quoteCheckoutTax } from "./quote-checkout-tax";

export const RESERVATION_MINUTES = 10;
/** A placed checkout as the domain sees it; checkout-json.ts turns it into the API's shape. */
export type PlacedCheckout = {
  checkoutId: string;
  status: "payment_pending";
  totalCents: number;
  currency: string;
  reservationExpiresAt: Date;
  /** The last day the slowest shop's parcel should arrive, YYYY-MM-DD. */
  estimatedDelivery: string;
  /** Each order's total in the checkout's currency (what the buyer pays for that shop). */
  orders: { orderId: string; sellerId: string; status: "pending"; totalCents: number }[];
  /** The rates locked for shops in other currencies; null when every shop is in the checkout's. */
  fx: FxLock | null;
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
 * every line in the same statement (all or nothing), under an idempotency key: a repeat
 * returns the first result and reserves nothing twice; the same key with another body is a 422.
 * Hot products pass the admission gate before the write, so a flash sale's excess never
 * queues on the product's row (most of it is refused earlier still, by refuseSoldOutCheckout).
 * Four statements in all with the user's lookup: the inputs read, the tax rules, and the write;
 * one more, the rates, when a shop prices in another currency than the buyer pays in: each such
 * order is converted at the rates locked now (convertCheckout), kept on the checkout.
 */
export async function createCheckout(deps: Deps): Promise<CheckoutResult> {
  const input = deps.input;
  if (input.cart_id !== deps.cartKey) throw new AppError("forbidden", "That cart is not yours.");
  const chargeCurrency = checkoutCurrency(input.currency);
  const key: CheckoutKey = { scope: `checkout:${deps.buyerId}`, key: deps.idempotencyKey, hash: requestHash(input) };

  const lines = [...deps.lines]
    .filter((l) => l.quantity > 0)
    .sort((a, b) => a.productId.localeCompare(b.productId) || (a.variantId ?? "").localeCompare(b.variantId ?? ""));
  const { stored, address, products, buyerVerified } = await loadCheckoutInputs({
    buyerId: deps.buyerId,
    addressId: input.shipping_address_id,
    productIds: [...new Set(lines.map((l) => l.productId))],
    key,
  });
  // A repeat of a finished checkout finds an emptied cart: its replay comes first.
  const replay = await findCheckoutReplay(key, stored);
  if (replay) return replay;
  if (lines.length === 0) throw new AppError("unprocessable", "Your cart is empty.");
  if (!address) throw new AppError("not_found", "Choose one of your shipping addresses.");
  // A shop that does not ship to the address is refused here, before anything is written.
  const country = String(address.country);
  const untaxed = priceLines(lines, products, env().COMMISSION_BPS, country, chargeCurrency);
  // Tax by the address's jurisdiction, each line rounded on its own (lib/tax).
  const region = typeof address.region === "string" ? address.region : null;
  const taxed = await quoteCheckoutTax(await getTaxEngine(country), untaxed, { country, region });
  const { priced, lock } = taxed.orders.some((o) => o.currency !== taxed.currency)
    ? convertCheckout(taxed, await loadRateSnapshot(), new Date())
    : { priced: taxed, lock: null };
  // Larger orders need a confirmed address. The read above says whether it is; only a buyer
  // who is not confirmed pays one more read (requireVerifiedEmail's, for the 403's wording).
  // Before the gate and the write: a refused checkout takes no place in a flash sale and writes
  // nothing, not even its Idempotency-Key, so the same key works once the address is confirmed.
  if (priced.totalCents > env().UNVERIFIED_CHECKOUT_LIMIT_CENTS && !buyerVerified)
    await requireVerifiedEmail(db(), deps.buyerId, "checkout");

  const admitted = await admitHotLines(deps.gate, lines, new Set(products.filter((p) => p.isHot).map((p) => p.id)));
  let written: Awaited<ReturnType<typeof writeCheckout>>;
  try {
    written = await writeCheckout({ buyerId: deps.buyerId, address, priced, lock, key });
  } catch (err) {
    await admitted.release();
    throw err;
  }
  if (written) return written;
  // Another request with this key wrote first (this one waited for it to commit): its result.
  await admitted.release();
  const again = await findCheckoutReplay(key);
  if (again) return again;
  throw new AppError("conflict", "This checkout is still being processed. Try again in a moment.");
}

// The write of one checkout (createOrdersAndReserve: one statement); null when the key was taken.
async function writeCheckout(ctx: {
  buyerId: string;
  address: { id: string } & Prisma.InputJsonObject;
  priced: PricedCheckout;
  lock: FxLock | null;
  key: CheckoutKey;
}): Promise<CheckoutResult | null> {
  const { priced } = ctx;
  const { id: addressId, ...shippingAddress } = ctx.address;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESERVATION_MINUTES * 60_000);
  const deliveries = priced.orders.map((o) => deliveryRange(now, o.handlingDays, o.transitDays));
  const estimatedDelivery = deliveries.map((d) => d.latest).reduce((a, b) => (a > b ? a : b));
  const placed = (created: CreatedCheckout): PlacedCheckout => ({
    checkoutId: created.checkoutId,
    status: "payment_pending",
    totalCents: priced.totalCents,
    currency: priced.currency,
    reservationExpiresAt: expiresAt,
    estimatedDelivery,
    orders: created.orders.map((o) => ({ ...o, status: "pending" })),
    fx: ctx.lock,
  });
  const result = await createOrdersAndReserve({
    buyerId: ctx.buyerId,
    addressId,
    shippingAddress,
    priced,
    lock: ctx.lock,
    deliveries,
    expiresAt,
    key: ctx.key,
    // The replay record keeps the placed checkout, its date as an ISO string (find-checkout-replay reads it back).
    response: (c) => ({ ...placed(c), reservationExpiresAt: expiresAt.toISOString() }),
  });
  return result.claimed ? { status: 201, checkout: placed(result.created), replayed: false } : null;
}

/**
 * The currency the buyer pays in (their display currency, sent by the checkout page), upper-cased;
 * undefined when none was sent (then the shops' one currency). Unknown: a 400 before anything is read.
 */
function checkoutCurrency(requested: string | undefined): string | undefined {
  if (requested === undefined || requested.trim() === "") return undefined;
  const code = requested.trim().toUpperCase();
  if (!(SUPPORTED_CURRENCIES as readonly string[]).includes(code))
    throw new AppError(
      "bad_request",
      `Unknown checkout currency "${requested.trim()}". You can pay in ${SUPPORTED_CURRENCIES.join(", ")}.`,
      { currency: requested },
    );
  return code;
}
