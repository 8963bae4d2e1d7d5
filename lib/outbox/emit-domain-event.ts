import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";

import { eventAggregate, type DomainEventName, type DomainEvents } from "./events";

/**
 * Announces a domain event inside the transaction that makes the change: the outbox row (read
 * by outbox consumers such as the search indexer) and the job that hands it to its
 * subscribers commit with the change or not at all.
 */
export async function emitDomainEvent<N extends DomainEventName>(
  tx: Tx,
  name: N,
  payload: DomainEvents[N],
): Promise<void> {
  const aggregate = eventAggregate(name, payload);
  const row = await tx.outboxEvent.create({
    data: {
      aggregateType: aggregate.type,
      aggregateId: aggregate.id,
      eventType: name,
      payload: payload as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  await enqueueJob({ name: JOBS.dispatchDomainEvent, data: { eventId: row.id.toString() }, tx });
}
