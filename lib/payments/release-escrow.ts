import "server-only";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { claimReleaseTransfer } from "./claim-release-transfer";
import { classifyReleaseFailure } from "./classify-release-failure";
import { createReleaseTransfer } from "./create-release-transfer";
import { decideRelease } from "./decide-release";
import { parkRelease } from "./park-release";
import { recordRelease } from "./record-release";
import type { ReleaseOutcome } from "./release-outcome";

/**
 * Pays a delivered order's seller: a Stripe Transfer of total minus commission to their
 * connected account, funded by the checkout's charge (source_transaction), then the ledger's
 * release and commission entries and the order completed. Three steps, each safe to repeat:
 * the transfer row is claimed first, the Stripe call carries an idempotency key derived from
 * the order, and recording is conditional, so a worker killed anywhere leaves exactly one
 * transfer and one set of entries after a rerun. No database transaction spans the network call.
 *
 * A release that cannot run (no payout account, an account Stripe won't pay, the platform's
 * balance, any Stripe error) is parked on the order with its reason and "parked" returned;
 * the seller is told once per cause, and it resumes when the cause is gone (retry-release).
 */
export async function releaseEscrow(
  orderId: string,
  hooks: { afterTransfer?: () => void; resolvingDispute?: boolean } = {},
): Promise<ReleaseOutcome> {
  const decision = await decideRelease({ orderId, resolvingDispute: hooks.resolvingDispute });
  if ("outcome" in decision) return decision.outcome;
  const { order, from } = decision;
  if ("park" in decision) return db().$transaction((tx) => parkRelease({ order, from, failure: decision.park }, tx));

  const idempotencyKey = `release:${order.id}`;
  const claim = await db().$transaction((tx) => claimReleaseTransfer({ order, idempotencyKey }, tx));
  // Concurrent attempts read the same version, so they share one key and Stripe makes one
  // transfer; a new version exists only once Stripe refused the old key's request outright.
  const stripeKey = claim.keyVersion === 0 ? idempotencyKey : `${idempotencyKey}:${claim.keyVersion}`;
  let transfer;
  try {
    transfer = await createReleaseTransfer({
      ...decision,
      amountCents: claim.amountCents,
      stripeKey,
      resolvingDispute: hooks.resolvingDispute,
    });
  } catch (err) {
    const failure = classifyReleaseFailure(err);
    logger.warn({ err, order: order.id, code: failure.code }, "escrow release parked");
    if (failure.refused)
      await db().transfer.updateMany({
        where: { idempotencyKey, keyVersion: claim.keyVersion },
        data: { keyVersion: { increment: 1 }, status: "failed" },
      });
    return db().$transaction((tx) => parkRelease({ order, from, failure }, tx));
  }
  hooks.afterTransfer?.();

  return db().$transaction((tx) =>
    recordRelease(
      {
        order,
        from,
        idempotencyKey,
        stripeTransferId: transfer.id,
        amountCents: claim.amountCents,
        commissionCents: claim.commissionCents,
      },
      tx,
    ),
  );
}
