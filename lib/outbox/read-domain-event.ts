import "server-only";

import { db } from "@/lib/db/client";

import type { DomainEventName, DomainEvents } from "./events";

export type StoredDomainEvent = {
  [N in DomainEventName]: { id: bigint; name: N; payload: DomainEvents[N] };
}[DomainEventName];

/** One outbox event written by emitDomainEvent, or null when there is no such row. */
export async function readDomainEvent(id: bigint): Promise<StoredDomainEvent | null> {
  const row = await db().outboxEvent.findUnique({
    where: { id },
    select: { id: true, eventType: true, payload: true },
  });
  if (!row) return null;
  return { id: row.id, name: row.eventType, payload: row.payload } as StoredDomainEvent;
}
