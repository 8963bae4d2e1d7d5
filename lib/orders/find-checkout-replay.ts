import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import type { CheckoutKey, CheckoutResponse, CheckoutResult } from "./create-checkout";

/**
 * The stored result of an earlier checkout under this Idempotency-Key, or null when the key is
 * unused or its checkout has not finished. The same key with another body is a 422.
 */
export async function findCheckoutReplay(key: CheckoutKey, tx: Tx = db()): Promise<CheckoutResult | null> {
  const row = await tx.idempotencyKey.findUnique({ where: { scope_key: { scope: key.scope, key: key.key } } });
  if (!row) return null;
  if (row.requestHash !== key.hash)
    throw new AppError(
      "unprocessable",
      "This Idempotency-Key was already used with a different request. Use a new key for a new checkout.",
    );
  if (!row.completedAt || !row.responseBody) return null;
  return { status: row.responseStatus ?? 201, body: row.responseBody as unknown as CheckoutResponse, replayed: true };
}
