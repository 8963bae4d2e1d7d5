import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import type { DeliveryFailure } from "./delivery-policy";

/**
 * Records a failed delivery attempt of a claimed notification: with `retryAt`, the next attempt
 * is scheduled (its job in the same transaction as the row); a rejected recipient bounces and
 * the address is suppressed; anything else is failed, the dead letter.
 */
export async function recordDeliveryFailure(
  prisma: PrismaClient,
  opts: { notificationId: string; to: string; failure: DeliveryFailure; retryAt: Date | null },
): Promise<"retrying" | "bounced" | "failed"> {
  const { failure, retryAt } = opts;
  const where = { id: opts.notificationId, status: "queued" as const };
  return prisma.$transaction(async (tx) => {
    if (retryAt) {
      await tx.notification.updateMany({
        where,
        data: { error: failure.message, nextAttemptAt: retryAt, claimedUntil: null },
      });
      await enqueueJob({
        name: JOBS.sendNotification,
        data: { notificationId: opts.notificationId },
        options: { startAfter: retryAt },
        tx,
      });
      return "retrying";
    }
    if (failure.kind === "rejected") {
      await tx.notification.updateMany({
        where,
        data: { status: "bounced", error: failure.message, nextAttemptAt: null, claimedUntil: null },
      });
      const address = opts.to.toLowerCase();
      // The first bounce is the reason kept; a later one changes nothing.
      await tx.emailSuppression.upsert({
        where: { address },
        create: { address, reason: failure.message, notificationId: opts.notificationId },
        update: {},
      });
      return "bounced";
    }
    await tx.notification.updateMany({
      where,
      data: { status: "failed", error: failure.message, nextAttemptAt: null, claimedUntil: null },
    });
    return "failed";
  });
}
