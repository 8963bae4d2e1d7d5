import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import type { CheckoutKey, CheckoutResult } from "./create-checkout";
import { findCheckoutReplay } from "./find-checkout-replay";

/**
 * Claims the Idempotency-Key for this checkout inside its transaction, before anything else is
 * written: `{ claimedId }` when this request owns the key, `{ replay }` when another request
 * with the same key and body already finished. The key row is written first, so a concurrent
 * request with the same key waits on the unique index until that transaction ends.
 */
export async function claimCheckoutKey(
  key: CheckoutKey,
  tx: Tx,
): Promise<{ claimedId: string; replay?: never } | { claimedId?: never; replay: CheckoutResult }> {
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO idempotency_keys (id, scope, key, request_hash) VALUES (gen_random_uuid(), ${key.scope}, ${key.key}, ${key.hash})
    ON CONFLICT (scope, key) DO NOTHING RETURNING id`;
  if (claimed.length > 0) return { claimedId: claimed[0].id };
  const replay = await findCheckoutReplay(key, tx);
  if (!replay) throw new AppError("conflict", "This checkout is still being processed. Try again in a moment.");
  return { replay };
}
