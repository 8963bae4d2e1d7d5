import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOBS } from "@/lib/jobs/queues";
import type { DomainEventName, DomainEvents } from "@/lib/outbox/events";

import { EVENT_NOTIFICATIONS } from "./catalogue";
import { quietHoursEndFor } from "./find-quiet-hours";
import { wantsNotification } from "./preferences";
import { SMS_TEMPLATES } from "./sms-templates";

/**
 * The SMS subscriber for one event: a text to each recipient who turned SMS on for the group
 * (it is off until they do) and has a phone number, delivered by a send-sms job that starts when
 * their quiet hours end if it is due inside them. The dedupe key is the event and the recipient.
 */
export function queueSmsNotifications<N extends DomainEventName>(name: N) {
  return async (tx: Tx, event: DomainEvents[N], meta: { eventId: bigint }): Promise<void> => {
    const template = SMS_TEMPLATES[name];
    if (!template) throw new Error(`no SMS template for ${name}`);
    const { group } = EVENT_NOTIFICATIONS[name];
    for (const note of await template(tx, event)) {
      const settings = await tx.notificationSettings.findUnique({
        where: { userId: note.userId },
        select: { phoneNumber: true, user: { select: { deletedAt: true } } },
      });
      if (!settings?.phoneNumber || settings.user.deletedAt) continue;
      if (!(await wantsNotification(tx, { userId: note.userId, group, channel: "sms" }))) continue;
      const dedupeKey = `sms:${meta.eventId}:${note.userId}`;
      if (await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
      const n = await tx.notification.create({
        data: {
          userId: note.userId,
          channel: "sms",
          template: note.template,
          toAddress: settings.phoneNumber,
          subject: note.label,
          body: note.body,
          dedupeKey,
        },
        select: { id: true },
      });
      const startAfter = await quietHoursEndFor(tx, note.userId);
      await enqueueJob({
        name: JOBS.sendSms,
        data: { notificationId: n.id },
        tx,
        ...(startAfter ? { options: { startAfter } } : {}),
      });
    }
  };
}
