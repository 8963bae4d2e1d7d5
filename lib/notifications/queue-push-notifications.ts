import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

import { EVENT_NOTIFICATIONS } from "./catalogue";
import { quietHoursEndFor } from "./find-quiet-hours";
import { IN_APP_TEMPLATES } from "./in-app-templates";
import { wantsNotification } from "./preferences";

/**
 * The push subscriber for one event: the in-app template's title, body and link, as one `push`
 * row per subscribed browser of each recipient who wants it, each delivered by its own
 * send-push job (so one dead browser's retries never resend to the others). Inside the person's
 * quiet hours the job starts when they end. The dedupe key is the event and the browser.
 */
export function queuePushNotifications<N extends DomainEventName>(name: N) {
  return async (tx: Tx, event: DomainEvents[N], meta: { eventId: bigint }): Promise<void> => {
    const template = IN_APP_TEMPLATES[name];
    if (!template) throw new Error(`no in-app template for ${name}, which push reuses`);
    const { group } = EVENT_NOTIFICATIONS[name];
    for (const note of await template(tx, event)) {
      const browsers = await tx.pushSubscription.findMany({ where: { userId: note.userId }, select: { id: true } });
      if (browsers.length === 0) continue;
      if (!(await wantsNotification(tx, { userId: note.userId, group, channel: "push" }))) continue;
      const startAfter = await quietHoursEndFor(tx, note.userId);
      for (const browser of browsers) {
        const dedupeKey = `push:${meta.eventId}:${browser.id}`;
        if (await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
        const n = await tx.notification.create({
          data: {
            userId: note.userId,
            channel: "push",
            template: note.template,
            toAddress: browser.id,
            subject: note.title.slice(0, 300),
            body: note.body,
            link: note.link,
            dedupeKey,
          },
          select: { id: true },
        });
        await enqueueJob({
          name: JOBS.sendPush,
          data: { notificationId: n.id },
          tx,
          ...(startAfter ? { options: { startAfter } } : {}),
        });
      }
    }
  };
}
