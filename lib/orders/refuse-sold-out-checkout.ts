import "server-only";

import type { CartStore } from "@/lib/cart/cart-store";
import { getCartStore } from "@/lib/cart/get-cart-store";
import { AppError } from "@/lib/errors/app-error";
import { metrics } from "@/lib/metrics/registry";

import { gateUnit, type AdmissionGate } from "./admission-gate";
import { getAdmissionGate } from "./get-admission-gate";

/**
 * A flash sale's cheap "no": when the buyer's cart holds a line the admission gate already
 * counts as gone (fewer left than the line asks for), the checkout is refused from Redis alone
 * (the cart and the gate's counters), before the session is checked against the database and
 * before anything is read from PostgreSQL or priced. It is the answer the whole path would
 * give: the gate would refuse that line first (createCheckout).
 *
 * Null means "go the whole way": nothing in the cart is gated, the gate cannot say (no counter,
 * Redis down, the per-process gate), or carts are not in Redis. It takes nothing from the gate,
 * so a checkout let through is admitted (or not) exactly as before.
 */
export async function refuseSoldOutCheckout(opts: {
  buyerId: string;
  store?: CartStore;
  gate?: AdmissionGate;
}): Promise<AppError | null> {
  const store = opts.store ?? getCartStore();
  const gate = opts.gate ?? getAdmissionGate();
  if (store.kind !== "redis" || gate.kind !== "redis") return null;
  const lines = (await store.lines(`u:${opts.buyerId}`)).filter((l) => l.quantity > 0);
  if (lines.length === 0) return null;
  const left = await Promise.all(lines.map((l) => gate.peek(gateUnit(l))));
  const gone = lines.find((l, i) => left[i] !== null && left[i]! < l.quantity);
  if (!gone) return null;
  metrics().gateAdmissions.inc({ outcome: "sold_out" });
  return new AppError("conflict", "Sold out: this item has no stock left.", {
    productId: gone.productId,
    available: 0,
  });
}
