import { senderBoss } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/queues";
import { JOB_HANDLERS } from "@/worker/handlers";

/**
 * Does what the worker does with domain events queued so far: hands each to its subscribers
 * (emails, …). Tests that read an event's effects right after an action call this first, as
 * the worker would have run it within moments.
 */
export async function runDomainEvents(): Promise<number> {
  const boss = await senderBoss();
  let ran = 0;
  for (;;) {
    const jobs = await boss.fetch<{ eventId: string }>(JOBS.dispatchDomainEvent, { batchSize: 100 });
    if (jobs.length === 0) return ran;
    // In outbox order, as one worker would, so emails are created in the order of the moves.
    jobs.sort((a, b) => (BigInt(a.data.eventId) < BigInt(b.data.eventId) ? -1 : 1));
    for (const job of jobs) await JOB_HANDLERS[JOBS.dispatchDomainEvent](job.data);
    await boss.complete(
      JOBS.dispatchDomainEvent,
      jobs.map((j) => j.id),
    );
    ran += jobs.length;
  }
}
