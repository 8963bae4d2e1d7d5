import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type OutboxAggregate = "product" | "order" | "review" | "seller" | "conversation" | "return" | "claim" | "user";

/**
 * Announces a change for consumers outside the transaction (search indexer, analytics).
 * Always called inside the transaction that makes the change, so the two commit together.
 */
export async function recordOutboxEvent(
  tx: Tx,
  event: { aggregateType: OutboxAggregate; aggregateId: string; eventType: string; payload?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      eventType: event.eventType,
      payload: event.payload ?? {},
    },
  });
}
