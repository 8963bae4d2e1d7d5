import "server-only";

import type { Tx } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { emitDomainEvent } from "@/lib/outbox/emit-domain-event";

import type { ReleaseFailure } from "./classify-release-failure";
import type { ReleaseOutcome } from "./release-outcome";
import { releaseRetryAt } from "./release-retry-at";

/**
 * Records, in the caller's transaction, why the release is waiting and when it is retried, and
 * tells the seller once per cause (`order.release_blocked`); only while the order still waits
 * to be paid (a concurrent attempt may have paid it).
 */
export async function parkRelease(
  opts: { order: { id: string; releaseBlockedAt: Date | null }; from: OrderStatus; failure: ReleaseFailure },
  tx: Tx,
): Promise<ReleaseOutcome> {
  const { order, failure } = opts;
  const now = new Date();
  // The row lock serialises concurrent parkers, so every failed attempt is counted.
  const [current] = await tx.$queryRaw<
    { release_attempts: number }[]
  >`SELECT release_attempts FROM orders WHERE id = ${order.id}::uuid FOR UPDATE`;
  const attempts = (current?.release_attempts ?? 0) + 1;
  const parked = await tx.order.updateMany({
    where: { id: order.id, status: opts.from, escrowStatus: "held" },
    data: {
      releaseBlockedCode: failure.code,
      releaseBlockedReason: failure.reason.slice(0, 500),
      releaseBlockedAt: order.releaseBlockedAt ?? now,
      releaseAttempts: attempts,
      releaseRetryAt: releaseRetryAt(attempts, now),
    },
  });
  if (parked.count === 0) {
    const after = await tx.order.findUnique({ where: { id: order.id }, select: { escrowStatus: true } });
    return after?.escrowStatus === "released" ? "already_released" : "not_releasable";
  }
  await emitDomainEvent(tx, "order.release_blocked", { orderId: order.id, code: failure.code, reason: failure.reason });
  return "parked";
}
