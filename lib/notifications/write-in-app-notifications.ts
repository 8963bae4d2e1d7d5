import type { Tx } from "@/lib/db/client";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

import { EVENT_NOTIFICATIONS } from "./catalogue";
import { IN_APP_TEMPLATES } from "./in-app-templates";
import { wantsNotification } from "./preferences";

/**
 * The in-app subscriber for one event: renders its template and writes one `in_app`
 * notification per recipient who wants it, shown at once (no delivery job). The dedupe key is
 * the outbox event and recipient, so a retried dispatch writes nothing more.
 */
export function writeInAppNotifications<N extends DomainEventName>(name: N) {
  return async (tx: Tx, event: DomainEvents[N], meta: { eventId: bigint }): Promise<void> => {
    const template = IN_APP_TEMPLATES[name];
    if (!template) throw new Error(`no in-app template for ${name}`);
    const { group } = EVENT_NOTIFICATIONS[name];
    for (const note of await template(tx, event)) {
      if (!(await wantsNotification(tx, { userId: note.userId, group, channel: "in_app" }))) continue;
      const dedupeKey = `in_app:${meta.eventId}:${note.userId}`;
      const now = new Date();
      await tx.notification.upsert({
        where: { dedupeKey },
        create: {
          userId: note.userId,
          channel: "in_app",
          template: note.template,
          toAddress: "in-app",
          subject: note.title.slice(0, 300),
          body: note.body,
          link: note.link,
          // Shown in the bell from now on; read, it becomes opened.
          status: "delivered",
          sentAt: now,
          dedupeKey,
        },
        update: {},
      });
    }
  };
}
