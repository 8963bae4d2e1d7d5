import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { getAdmissionGate } from "./get-admission-gate";
import { syncGateStock } from "./sync-gate-stock";

const ZProductId = z.uuid();

export type FlashSaleActor = { role: "admin" } | { role: "seller"; sellerId: string };

/**
 * Marks a product as a flash sale (its checkouts pass the admission gate first) or ends it.
 * A seller may change only their own product (another's is "not found"); an admin any.
 * Turning it on primes the gate with the committed stock, so a counter left from an earlier
 * sale never answers for this one; ending it drops the counter, for the same reason (a checkout
 * refused early on a counter alone, see refuseSoldOutCheckout, must never meet one that stopped
 * following the stock).
 */
export async function setFlashSale(opts: {
  productId: string;
  on: boolean;
  actor: FlashSaleActor;
}): Promise<{ isHot: boolean; inventoryCount: number }> {
  if (!ZProductId.safeParse(opts.productId).success) throw new AppError("not_found", "Listing not found.");
  const owner = opts.actor.role === "seller" ? { sellerId: opts.actor.sellerId } : {};
  const { count } = await db().product.updateMany({
    where: { id: opts.productId, ...owner },
    data: { isHot: opts.on },
  });
  if (count === 0) throw new AppError("not_found", "Listing not found.");
  if (opts.on) await syncGateStock({ productIds: [opts.productId] });
  else {
    // Every counter of the listing: its own, and one per variant (gateUnit).
    const variants = await db().productVariant.findMany({ where: { productId: opts.productId }, select: { id: true } });
    for (const id of [opts.productId, ...variants.map((v) => v.id)]) await getAdmissionGate().forget(id);
  }
  const p = await db().product.findFirstOrThrow({
    where: { id: opts.productId, ...owner },
    select: { isHot: true, inventoryCount: true },
  });
  return p;
}
