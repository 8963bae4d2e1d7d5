import { db } from "@/lib/db/client";
import type { DomainEventName } from "@/lib/outbox/events";
import { readDomainEvent } from "@/lib/outbox/read-domain-event";

import { SUBSCRIBERS, type Subscriber } from "./subscribers";

/**
 * Hands one domain event to each of its subscribers, each in a transaction of its own. A
 * subscriber that throws fails the job, which pg-boss retries; the others ran already and,
 * being idempotent, change nothing the second time.
 */
export async function dispatchDomainEvent(eventId: string): Promise<number> {
  const event = await readDomainEvent(BigInt(eventId));
  if (!event) return 0;
  const subscribers = (SUBSCRIBERS[event.name] ?? []) as Subscriber<DomainEventName>[];
  for (const subscriber of subscribers)
    await db().$transaction((tx) => subscriber(tx, event.payload, { eventId: event.id }));
  return subscribers.length;
}
